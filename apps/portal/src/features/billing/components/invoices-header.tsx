import { PageHeader } from "@/components/layout/page-header";

/** Header of the invoice list page, shared with its loading and error states. */
export function InvoicesHeader() {
  return (
    <PageHeader
      title="Invoices"
      description="Your bills for internet and mobile services, newest first."
    />
  );
}
