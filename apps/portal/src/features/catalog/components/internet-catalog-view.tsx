"use client";

import { useTranslations } from "next-intl";
import { QueryError } from "@/components/query-error";
import { CatalogEmpty } from "@/features/catalog/components/catalog-empty";
import { CatalogSkeleton } from "@/features/catalog/components/catalog-skeleton";
import { OptionList } from "@/features/catalog/components/option-list";
import { PlanCard, PlanGrid } from "@/features/catalog/components/plan-card";
import { useCatalogLabels } from "@/features/catalog/components/use-catalog-labels";
import { useInternetCatalog } from "@/features/catalog/hooks/use-internet-catalog";
import { useEligibility } from "@/features/eligibility/hooks/use-eligibility";

/**
 * `/catalog/internet`: fibre plans grouped by offering type (the line an address qualifies for),
 * each plan with its speed and the one-time fees of that line; add-ons below. Once the customer's
 * address is eligible only that offering type's plans, which can be chosen; before, every
 * offering type to browse, each plan pointing to the availability check instead.
 */
export function InternetCatalogView() {
  const t = useTranslations("catalog");
  const labels = useCatalogLabels();
  const eligibility = useEligibility();
  const eligibleFor =
    eligibility.data?.status === "eligible" ? eligibility.data.offeringType : null;
  const catalog = useInternetCatalog(eligibleFor, !eligibility.isPending);

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
  const { offeringTypes, activationFees, addOns } = catalog.data;
  if (offeringTypes.length === 0) return <CatalogEmpty />;

  return (
    <div className="flex flex-col gap-8">
      {offeringTypes.map((group) => {
        const heading = `${labels.offeringType(group.offeringType)} · ${t("upTo", { speed: labels.speed(group.maxSpeedMbps) })}`;
        return (
          <section key={group.offeringType} className="flex flex-col gap-3">
            <h2 className="text-lg font-semibold">{heading}</h2>
            <PlanGrid label={heading}>
              {group.plans.map((plan) => (
                <PlanCard
                  key={plan.id}
                  plan={plan}
                  facts={[
                    {
                      label: t("factSpeed"),
                      value: t("upTo", { speed: labels.speed(group.maxSpeedMbps) }),
                    },
                    {
                      label: t("factTier"),
                      value: plan.planTier ? t(`planTierNote.${plan.planTier}`) : "—",
                    },
                  ]}
                  fees={[...group.installationFees, ...activationFees]}
                  orderable={eligibleFor !== null}
                />
              ))}
            </PlanGrid>
          </section>
        );
      })}
      <OptionList title={t("addOns")} description={t("addOnsNote")} options={addOns} />
    </div>
  );
}
