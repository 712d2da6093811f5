"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CreditCard, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { accountKeys } from "@/features/account/api/account-keys";
import { invoiceKeys } from "@/features/billing/api/invoice-keys";
import { usePayInvoice } from "@/features/billing/hooks/use-pay-invoice";
import { isApiClientError } from "@/lib/api/api-client-error";
import { cn } from "@/lib/cn";

/**
 * A compact "Pay" button for where the customer already is (the dashboard's payment card, the
 * unpaid rows of the invoice list): the same payment flow as the invoice page's "Pay now"
 * (`usePayInvoice`). Its accessible name includes the invoice number ("Pay invoice INV-…"), since
 * a list has one per row. When the invoice turns out to be no longer payable, the list and the
 * dashboard are refetched so the button disappears with the stale status.
 */
export function QuickPayButton({
  invoiceId,
  invoiceNumber,
  className,
}: {
  invoiceId: number;
  invoiceNumber: string;
  className?: string;
}) {
  const pay = usePayInvoice(invoiceId);
  const queryClient = useQueryClient();
  const t = useTranslations("invoice");
  const opening = pay.isPending || pay.isSuccess;
  const onPay = () =>
    pay.mutate(undefined, {
      onError: (error) => {
        if (!isApiClientError(error, "CONFLICT", "NOT_FOUND")) return;
        void queryClient.invalidateQueries({ queryKey: invoiceKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: accountKeys.summary() });
      },
    });
  return (
    <div className={cn("flex flex-col items-stretch gap-1.5 sm:items-end", className)}>
      <Button
        size="sm"
        onClick={onPay}
        disabled={opening}
        aria-label={t("payInvoice", { number: invoiceNumber })}
      >
        {opening ? (
          <Loader2 aria-hidden="true" className="animate-spin" />
        ) : (
          <CreditCard aria-hidden="true" />
        )}
        {t("pay")}
      </Button>
      {pay.isError ? (
        <p role="alert" className="max-w-xs text-xs font-medium text-destructive sm:text-right">
          {isApiClientError(pay.error, "CONFLICT") ? t("payConflict") : t("payFailed")}
        </p>
      ) : null}
    </div>
  );
}
