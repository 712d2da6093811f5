import { NotFoundMessage } from "@/components/not-found-message";

/** An invoice that does not exist or is not the customer's (the BFF answers 404 for both). */
export default function InvoiceNotFound() {
  return (
    <NotFoundMessage
      title="Invoice not found"
      description="We couldn't find this invoice on your account. It may have been removed, or the link may be wrong."
      backHref="/billing/invoices"
      backLabel="Back to invoices"
    />
  );
}
