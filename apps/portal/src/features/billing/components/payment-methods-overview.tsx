"use client";

import { Wallet } from "lucide-react";
import { useTranslations } from "next-intl";
import { QueryError } from "@/components/query-error";
import { ManagePaymentMethodsButton } from "@/features/billing/components/manage-payment-methods-button";
import { PaymentMethodItem } from "@/features/billing/components/payment-method-item";
import { PaymentMethodsSkeleton } from "@/features/billing/components/payment-methods-skeleton";
import { usePaymentMethods } from "@/features/billing/hooks/use-payment-methods";

/**
 * The customer's saved payment methods (default first), the button that opens the billing
 * system's payment-methods page, and the payment options the shop accepts. With no saved method:
 * an empty state that explains why one is needed.
 */
export function PaymentMethodsOverview() {
  const overview = usePaymentMethods();
  const t = useTranslations("payments");

  if (overview.isPending) return <PaymentMethodsSkeleton />;
  if (overview.isError) {
    return (
      <QueryError
        title={t("loadFailed")}
        error={overview.error}
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  }

  const { methods, gateways } = overview.data;
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="saved-methods" className="flex flex-col gap-4">
        <h2 id="saved-methods" className="text-lg font-semibold">
          {t("savedTitle")}
        </h2>
        {methods.length === 0 ? (
          <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed bg-card px-6 py-10 text-center">
            <Wallet aria-hidden="true" className="size-10 text-muted-foreground" />
            <h3 className="text-base font-semibold">{t("emptyTitle")}</h3>
            <p className="max-w-sm text-sm text-muted-foreground">{t("emptyText")}</p>
          </div>
        ) : (
          <ul className="flex flex-col gap-3">
            {methods.map((method) => (
              <PaymentMethodItem key={method.id} method={method} />
            ))}
          </ul>
        )}
        <ManagePaymentMethodsButton label={methods.length === 0 ? "add" : "manage"} />
      </section>
      {gateways.length > 0 ? (
        <section aria-labelledby="accepted-gateways" className="flex flex-col gap-3">
          <h2 id="accepted-gateways" className="text-lg font-semibold">
            {t("gatewaysTitle")}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {gateways.map((gateway) => (
              <li key={gateway.module} className="rounded-full border bg-card px-3 py-1 text-sm">
                {gateway.displayName}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
