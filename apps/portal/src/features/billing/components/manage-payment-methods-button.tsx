"use client";

import { ExternalLink, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useManagePaymentMethods } from "@/features/billing/hooks/use-manage-payment-methods";

/**
 * "Add or change payment method": opens the billing system's secure payment-methods page. A
 * failure is shown under the button; the button stays disabled once the page is opening.
 */
export function ManagePaymentMethodsButton({ label }: { label: "add" | "manage" }) {
  const manage = useManagePaymentMethods();
  const t = useTranslations("payments");
  const opening = manage.isPending || manage.isSuccess;
  return (
    <div className="flex w-full flex-col items-stretch gap-2 sm:w-auto sm:items-start">
      <Button
        onClick={() => manage.mutate()}
        disabled={opening}
        aria-describedby="manage-payment-methods-hint"
      >
        {opening ? (
          <Loader2 aria-hidden="true" className="animate-spin" />
        ) : (
          <ExternalLink aria-hidden="true" />
        )}
        {label === "add" ? t("add") : t("manage")}
      </Button>
      <p id="manage-payment-methods-hint" className="text-xs text-muted-foreground">
        {opening ? t("opening") : t("manageHint")}
      </p>
      {manage.isError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {t("openFailed")}
        </p>
      ) : null}
    </div>
  );
}
