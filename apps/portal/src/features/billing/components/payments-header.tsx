import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/layout/page-header";

/** Header of the payment-methods page, shared with its loading state. */
export function PaymentsHeader() {
  const t = useTranslations("payments");
  return <PageHeader title={t("title")} description={t("description")} />;
}
