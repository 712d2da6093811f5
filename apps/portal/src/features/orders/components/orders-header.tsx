import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/layout/page-header";

/** Header of the order list page, shared with its loading and error states. */
export function OrdersHeader() {
  const t = useTranslations("orders");
  return <PageHeader title={t("title")} description={t("description")} />;
}
