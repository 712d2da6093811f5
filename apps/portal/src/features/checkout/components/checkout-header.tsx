import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/layout/page-header";

/** Header of the checkout page, shared with its loading and error states. */
export function CheckoutHeader() {
  const t = useTranslations("checkout");
  return <PageHeader title={t("title")} description={t("description")} />;
}
