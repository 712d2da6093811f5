"use client";

import { useTranslations } from "next-intl";
import { QueryError } from "@/components/query-error";
import { CatalogEmpty } from "@/features/catalog/components/catalog-empty";
import { CatalogSkeleton } from "@/features/catalog/components/catalog-skeleton";
import { OptionList } from "@/features/catalog/components/option-list";
import { PlanCard, PlanGrid } from "@/features/catalog/components/plan-card";
import { useVpnCatalog } from "@/features/catalog/hooks/use-vpn-catalog";

/** `/catalog/vpn`: VPN router plans with their setup fee; add-ons below. */
export function VpnCatalogView() {
  const t = useTranslations("catalog");
  const catalog = useVpnCatalog();

  if (catalog.isPending) return <CatalogSkeleton />;
  if (catalog.isError) {
    return (
      <QueryError
        title={t("loadFailed")}
        error={catalog.error}
        onRetry={() => void catalog.refetch()}
        retrying={catalog.isFetching}
      />
    );
  }
  const { plans, activationFees, addOns } = catalog.data;
  if (plans.length === 0) return <CatalogEmpty />;

  return (
    <div className="flex flex-col gap-6">
      <PlanGrid label={t("vpnPlans")}>
        {plans.map((plan) => (
          <PlanCard key={plan.id} plan={plan} facts={[]} fees={activationFees} />
        ))}
      </PlanGrid>
      <OptionList title={t("addOns")} description={t("addOnsNote")} options={addOns} />
    </div>
  );
}
