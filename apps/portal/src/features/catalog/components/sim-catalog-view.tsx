"use client";

import { useTranslations } from "next-intl";
import { QueryError } from "@/components/query-error";
import { CatalogEmpty } from "@/features/catalog/components/catalog-empty";
import { CatalogSkeleton } from "@/features/catalog/components/catalog-skeleton";
import { OptionList } from "@/features/catalog/components/option-list";
import { PlanCard, PlanGrid } from "@/features/catalog/components/plan-card";
import { SimFiltersBar } from "@/features/catalog/components/sim-filters";
import { useSimCatalog } from "@/features/catalog/hooks/use-sim-catalog";
import { useSimFilters } from "@/features/catalog/hooks/use-sim-filters";

/**
 * `/catalog/sim`: SIM plans filtered by plan type, data size and SIM type (state in the URL); each
 * card shows the one-time fees for the chosen SIM type. Voice options and add-ons below.
 */
export function SimCatalogView() {
  const t = useTranslations("catalog");
  const catalog = useSimCatalog();
  const { filters, setFilters } = useSimFilters();

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
  const { plans, activationFees, simTypes, voiceOptions, addOns } = catalog.data;
  if (plans.length === 0) return <CatalogEmpty />;

  const dataSizes = [...new Set(plans.flatMap((plan) => plan.dataSizeGb ?? []))].sort(
    (a, b) => a - b,
  );
  const shown = plans.filter(
    (plan) =>
      (filters.type === "all" || plan.simPlanType === filters.type) &&
      (filters.data === null || plan.dataSizeGb === filters.data),
  );
  const simTypeFees = simTypes.find((group) => group.simType === filters.sim)?.fees ?? [];

  return (
    <div className="flex flex-col gap-6">
      <SimFiltersBar filters={filters} dataSizes={dataSizes} onChange={setFilters} />
      {shown.length === 0 ? (
        <CatalogEmpty filtered />
      ) : (
        <PlanGrid label={t("simPlans")}>
          {shown.map((plan) => (
            <PlanCard
              key={plan.id}
              plan={plan}
              facts={[
                {
                  label: t("factData"),
                  value:
                    plan.dataSizeGb === null ? "—" : t("dataPerMonth", { size: plan.dataSizeGb }),
                },
                {
                  label: t("factPlanType"),
                  value: plan.simPlanType ? t(`planTypeNote.${plan.simPlanType}`) : "—",
                },
                { label: t("factSimType"), value: t(`simType.${filters.sim}`) },
              ]}
              fees={[...activationFees, ...simTypeFees]}
            />
          ))}
        </PlanGrid>
      )}
      <OptionList
        title={t("voiceOptions")}
        description={t("voiceOptionsNote")}
        options={voiceOptions}
      />
      <OptionList title={t("addOns")} description={t("addOnsNote")} options={addOns} />
    </div>
  );
}
