import { useTranslations } from "next-intl";
import { NotFoundMessage } from "@/components/not-found-message";

/** A billing page that does not exist. */
export default function InvoicesNotFound() {
  const t = useTranslations("notFound");
  return (
    <NotFoundMessage
      title={t("title")}
      description={t("billingText")}
      backHref="/billing/invoices"
      backLabel={t("billingBack")}
    />
  );
}
