import { InvoiceListSkeleton } from "@/features/billing/components/invoice-list-skeleton";
import { InvoicesHeader } from "@/features/billing/components/invoices-header";

/** Shown while the invoice list segment loads. */
export default function InvoicesLoading() {
  return (
    <>
      <InvoicesHeader />
      <InvoiceListSkeleton />
    </>
  );
}
