import { type PaymentMethod } from "@portal/domain";
import { CreditCard, Landmark } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/**
 * One saved payment method: a card as brand, •••• last four and expiry (with an "Expired"
 * warning once its month has passed), a bank account as its bank and the masked description
 * WHMCS keeps; the default carries a badge. Card numbers never reach the portal.
 */
export function PaymentMethodItem({ method }: { method: PaymentMethod }) {
  const t = useTranslations("payments");
  const isCard = method.type === "card" || method.type === "remote_card";
  const Icon = isCard ? CreditCard : Landmark;
  const title = isCard
    ? [method.cardBrand ?? t("card"), method.cardLastFour ? `•••• ${method.cardLastFour}` : null]
        .filter(Boolean)
        .join(" ")
    : (method.bankName ?? t("bankAccount"));
  return (
    <li className="flex items-start gap-3 rounded-xl border bg-card p-4 shadow-sm">
      <Icon aria-hidden="true" className="mt-0.5 size-6 shrink-0 text-muted-foreground" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{title}</span>
          {method.isDefault ? <Badge tone="info">{t("default")}</Badge> : null}
          {method.expired ? <Badge tone="danger">{t("expired")}</Badge> : null}
        </div>
        <span className="text-sm text-muted-foreground">
          {isCard ? t("cardKind") : t("bankKind")}
          {method.description && method.description !== title ? ` · ${method.description}` : null}
        </span>
        {isCard && method.expiry ? (
          <span className="text-sm">{t("expires", { expiry: method.expiry })}</span>
        ) : null}
        {method.expired ? (
          <p role="note" className="text-sm font-medium text-destructive">
            {t("expiredHint")}
          </p>
        ) : null}
      </div>
    </li>
  );
}
