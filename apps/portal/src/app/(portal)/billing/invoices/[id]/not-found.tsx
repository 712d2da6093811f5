import { useTranslations } from "next-intl";
import { NotFoundMessage } from "@/components/not-found-message";

/** An invoice that does not exist or is not the customer's (the BFF answers 404 for both). */
export default function InvoiceNotFound() {
  const t = useTranslations("invoice");
  return (
    <NotFoundMessage
      title={t("notFoundTitle")}
      description={t("notFoundText")}
      backHref="/billing/invoices"
      backLabel={t("back")}
    />
  );
}
