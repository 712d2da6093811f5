import { NotFoundMessage } from "@/components/not-found-message";

/** A billing page that does not exist. */
export default function InvoicesNotFound() {
  return (
    <NotFoundMessage
      title="Page not found"
      description="This billing page doesn't exist. Your invoices are listed under Billing."
      backHref="/billing/invoices"
      backLabel="Go to invoices"
    />
  );
}
