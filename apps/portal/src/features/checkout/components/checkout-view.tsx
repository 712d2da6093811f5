"use client";

import { type CatalogItem, type Eligibility } from "@portal/domain";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { QueryError } from "@/components/query-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { ELIGIBILITY_ANCHOR } from "@/features/catalog/components/plan-card";
import { useCatalogLabels } from "@/features/catalog/components/use-catalog-labels";
import { CATALOG_PATH, catalogCategoryPath } from "@/features/catalog/navigation/catalog-paths";
import { CheckoutForm } from "@/features/checkout/components/checkout-form";
import { CheckoutSkeleton } from "@/features/checkout/components/checkout-skeleton";
import { useCheckoutPlan } from "@/features/checkout/hooks/use-checkout-plan";
import { useEligibility } from "@/features/eligibility/hooks/use-eligibility";

/** Where the fibre availability check sits: the panel on the fibre catalog page. */
const ELIGIBILITY_PATH = `${catalogCategoryPath("internet")}#${ELIGIBILITY_ANCHOR}`;

/** A plan no catalog has: a mistyped or old link, or a plan no longer offered. */
function UnknownPlan() {
  const t = useTranslations("checkout");
  return (
    <Alert tone="warning">
      <AlertTitle>{t("unknownPlanTitle")}</AlertTitle>
      <AlertDescription className="flex flex-col gap-3">
        <p>{t("unknownPlanText")}</p>
        <Link
          href={CATALOG_PATH}
          className={buttonVariants({ variant: "outline", size: "sm", className: "w-fit" })}
        >
          {t("backToCatalog")}
        </Link>
      </AlertDescription>
    </Alert>
  );
}

/**
 * A fibre plan the address is not (yet) eligible for: why it cannot be ordered — not checked,
 * being checked, not available, or available for another line — and the way to the check.
 */
function NotEligible({ plan, eligibility }: { plan: CatalogItem; eligibility: Eligibility }) {
  const t = useTranslations("checkout");
  const labels = useCatalogLabels();
  const reason =
    eligibility.status === "eligible" && eligibility.offeringType
      ? t("notEligible.otherLine", { offering: labels.offeringType(eligibility.offeringType) })
      : t(`notEligible.${eligibility.status}`);
  return (
    <Alert tone="warning">
      <AlertTitle>{t("notEligibleTitle", { plan: labels.planTitle(plan) })}</AlertTitle>
      <AlertDescription className="flex flex-col gap-3">
        <p>{reason}</p>
        <Link
          href={ELIGIBILITY_PATH}
          className={buttonVariants({ variant: "outline", size: "sm", className: "w-fit" })}
        >
          {t("checkAvailability")}
        </Link>
      </AlertDescription>
    </Alert>
  );
}

/**
 * `/checkout?plan=<PricebookEntry id>`: finds the plan in the catalogs and shows its checkout.
 * An unknown plan says so with the way back to the plans; a fibre plan is only offered once the
 * address is eligible for its offering type, otherwise the page explains and points to the
 * availability check.
 */
export function CheckoutView() {
  const t = useTranslations("checkout");
  const planId = useSearchParams().get("plan");
  const found = useCheckoutPlan(planId);
  const eligibility = useEligibility();

  if (found.state === "loading") return <CheckoutSkeleton />;
  if (found.state === "error") {
    return (
      <QueryError
        title={t("loadFailed")}
        error={found.error}
        onRetry={found.retry}
        retrying={found.retrying}
      />
    );
  }
  if (found.state === "unknown") return <UnknownPlan />;
  const { plan, checkout } = found;
  if (checkout.category === "internet") {
    if (!eligibility.data) return <CheckoutSkeleton />;
    const eligible =
      eligibility.data.status === "eligible" && eligibility.data.offeringType === plan.offeringType;
    if (!eligible) return <NotEligible plan={plan} eligibility={eligibility.data} />;
  }
  // A fibre line is installed where staff found it eligible (the portal's request), which may
  // differ from the address on file; the BFF snapshots the same address (decision 0058).
  const installedAt =
    checkout.category === "internet" ? (eligibility.data?.requestedAddress ?? null) : null;
  return <CheckoutForm key={plan.id} plan={plan} checkout={checkout} installedAt={installedAt} />;
}
