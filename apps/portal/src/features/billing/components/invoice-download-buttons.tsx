"use client";

import { documentLanguageSchema } from "@portal/domain";
import { FileDown, Loader2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { type InvoiceDocumentKind } from "@/features/billing/api/invoices-api";
import { useDownloadInvoiceDocument } from "@/features/billing/hooks/use-download-invoice-document";

/**
 * "Invoice (PDF)" and, once the invoice is paid, "Receipt (PDF)": downloads the documents in the
 * portal's current language (decision 0026). A failure is announced under the buttons.
 */
export function InvoiceDownloadButtons({ invoiceId, paid }: { invoiceId: number; paid: boolean }) {
  const t = useTranslations("invoice");
  const language = documentLanguageSchema.catch("ja").parse(useLocale());
  const download = useDownloadInvoiceDocument(invoiceId, language);
  const kinds: [InvoiceDocumentKind, string][] = [["pdf", t("downloadInvoice")]];
  if (paid) kinds.push(["receipt", t("downloadReceipt")]);

  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2">
        {kinds.map(([kind, label]) => {
          const busy = download.isPending && download.variables === kind;
          return (
            <Button
              key={kind}
              variant="outline"
              onClick={() => download.mutate(kind)}
              disabled={download.isPending}
            >
              {busy ? (
                <Loader2 aria-hidden="true" className="animate-spin" />
              ) : (
                <FileDown aria-hidden="true" />
              )}
              {label}
            </Button>
          );
        })}
      </div>
      {download.isError ? (
        <p role="alert" className="max-w-xs text-sm font-medium text-destructive sm:text-right">
          {t("downloadFailed")}
        </p>
      ) : null}
    </div>
  );
}
