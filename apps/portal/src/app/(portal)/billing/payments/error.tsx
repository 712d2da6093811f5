"use client";

import { RouteError } from "@/components/route-error";
import { PaymentsHeader } from "@/features/billing/components/payments-header";

/** Error boundary of the payment-methods page. */
export default function PaymentsError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PaymentsHeader />
      <RouteError retry={retry} />
    </>
  );
}
