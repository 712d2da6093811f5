import { InvoiceDetailSkeleton } from "@/features/billing/components/invoice-detail-skeleton";

/** Shown while an invoice segment loads. */
export default function InvoiceLoading() {
  return <InvoiceDetailSkeleton />;
}
