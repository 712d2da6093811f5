"use client";

import { RouteError } from "@/components/route-error";
import { InvoicesHeader } from "@/features/billing/components/invoices-header";

/** Error boundary of the invoice list. */
export default function InvoicesError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <InvoicesHeader />
      <RouteError retry={retry} />
    </>
  );
}
