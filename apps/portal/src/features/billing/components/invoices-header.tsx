import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/layout/page-header";

/** Header of the invoice list page, shared with its loading and error states. */
export function InvoicesHeader() {
  const t = useTranslations("invoices");
  return <PageHeader title={t("title")} description={t("description")} />;
}
