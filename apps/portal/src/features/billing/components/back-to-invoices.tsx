import { ArrowLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";

/** Link from an invoice back to the list. */
export function BackToInvoices() {
  const t = useTranslations("invoice");
  return (
    <Link
      href="/billing/invoices"
      className="mb-1 inline-flex w-fit items-center gap-1.5 rounded-sm text-sm font-medium text-muted-foreground hover:text-foreground"
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      {t("back")}
    </Link>
  );
}
