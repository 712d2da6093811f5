"use client";

import { ArrowLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { parseInvoiceListPosition } from "@/features/billing/hooks/use-invoice-list-search-params";
import { invoiceListPath } from "@/features/billing/navigation/invoice-paths";

/**
 * Link from an invoice back to the list, at the filter and page it was opened from (the invoice's
 * URL carries them, see `invoicePath`).
 */
export function BackToInvoices() {
  const t = useTranslations("invoice");
  const position = parseInvoiceListPosition(useSearchParams());
  return (
    <Link
      href={invoiceListPath(position)}
      className="mb-1 inline-flex min-h-11 w-fit items-center gap-1.5 rounded-sm text-sm font-medium text-muted-foreground hover:text-foreground sm:min-h-0"
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      {t("back")}
    </Link>
  );
}
