"use client";

import { RouteError } from "@/components/route-error";
import { CheckoutHeader } from "@/features/checkout/components/checkout-header";

/** Error boundary of the checkout. */
export default function CheckoutError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <CheckoutHeader />
      <RouteError retry={retry} />
    </>
  );
}
