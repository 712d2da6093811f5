"use client";

import { isUsablePaymentMethod, type PaymentMethod } from "@portal/domain";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { QueryError } from "@/components/query-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { usePaymentMethods } from "@/features/billing/hooks/use-payment-methods";

/** Where payment methods are added (through WHMCS). */
export const PAYMENTS_PATH = "/billing/payments";

/**
 * Whether the customer has a payment method an order can be charged to (`isUsablePaymentMethod`):
 * `unknown` while it loads or when it could not be read (the BFF checks again when placing).
 */
export function usePaymentMethodCheck(): "unknown" | "usable" | "none" {
  const methods = usePaymentMethods();
  if (!methods.data) return "unknown";
  return methods.data.methods.some(isUsablePaymentMethod) ? "usable" : "none";
}

/** A method as one line: "Visa •••• 4242", or the bank's name. */
function methodTitle(method: PaymentMethod, fallback: string): string {
  if (method.cardLastFour) return `${method.cardBrand ?? fallback} •••• ${method.cardLastFour}`;
  return method.bankName ?? method.description;
}

/**
 * The payment method the order will be charged to (the default usable one, WHMCS charges it
 * when the order is accepted), or — when the customer has none — why the order cannot be
 * placed yet and the way to add one on the payments page.
 */
export function PaymentSection() {
  const t = useTranslations("checkout");
  const payments = useTranslations("payments");
  const methods = usePaymentMethods();
  if (methods.isPending) return <Skeleton className="h-12 w-full" />;
  if (methods.isError) {
    return <QueryError error={methods.error} onRetry={() => void methods.refetch()} />;
  }
  const usable = methods.data.methods.filter(isUsablePaymentMethod);
  const charged = usable.find((method) => method.isDefault) ?? usable[0];
  if (!charged) {
    return (
      <Alert tone="warning">
        <AlertTitle>{t("noPaymentMethodTitle")}</AlertTitle>
        <AlertDescription className="flex flex-col gap-3">
          <p>{t("noPaymentMethodText")}</p>
          <Link
            href={PAYMENTS_PATH}
            className={buttonVariants({ variant: "outline", size: "sm", className: "w-fit" })}
          >
            {t("addPaymentMethod")}
          </Link>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <p>
        {t.rich("chargedTo", {
          method: methodTitle(charged, payments("card")),
          strong: (chunks) => <strong className="font-semibold">{chunks}</strong>,
        })}
      </p>
      <Link
        href={PAYMENTS_PATH}
        className="w-fit rounded-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {t("managePaymentMethods")}
      </Link>
    </div>
  );
}
