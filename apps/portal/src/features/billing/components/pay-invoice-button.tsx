"use client";

import { ExternalLink, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { usePayInvoice } from "@/features/billing/hooks/use-pay-invoice";
import { isApiClientError } from "@/lib/api/api-client-error";

/**
 * "Pay now": opens the invoice in the billing system's secure payment page. Failures are shown
 * under the button; the button stays disabled once the page is opening.
 */
export function PayInvoiceButton({ invoiceId }: { invoiceId: number }) {
  const pay = usePayInvoice(invoiceId);
  const t = useTranslations("invoice");
  const opening = pay.isPending || pay.isSuccess;
  return (
    <div className="flex w-full flex-col items-stretch gap-2 sm:w-auto sm:items-end">
      <Button
        size="lg"
        onClick={() => pay.mutate()}
        disabled={opening}
        aria-describedby="pay-now-hint"
      >
        {opening ? (
          <Loader2 aria-hidden="true" className="animate-spin" />
        ) : (
          <ExternalLink aria-hidden="true" />
        )}
        {t("payNow")}
      </Button>
      <p id="pay-now-hint" className="text-xs text-muted-foreground">
        {opening ? t("payOpening") : t("payHint")}
      </p>
      {pay.isError ? (
        <p role="alert" className="max-w-xs text-sm font-medium text-destructive sm:text-right">
          {isApiClientError(pay.error, "CONFLICT") ? t("payConflict") : t("payFailed")}
        </p>
      ) : null}
    </div>
  );
}
