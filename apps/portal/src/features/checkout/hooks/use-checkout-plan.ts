"use client";

import { type CatalogItem } from "@portal/domain";
import { useInternetCatalog } from "@/features/catalog/hooks/use-internet-catalog";
import { useSimCatalog } from "@/features/catalog/hooks/use-sim-catalog";
import { useVpnCatalog } from "@/features/catalog/hooks/use-vpn-catalog";
import { type CheckoutCatalog } from "@/features/checkout/model/checkout-form-values";
import { useEligibility } from "@/features/eligibility/hooks/use-eligibility";

/** Where finding the plan of `/checkout?plan=` stands. */
export type CheckoutPlan =
  | { state: "loading" }
  | { state: "error"; error: unknown; retry: () => void; retrying: boolean }
  | { state: "unknown" }
  | { state: "found"; plan: CatalogItem; checkout: CheckoutCatalog };

/**
 * The plan `planId` (a PricebookEntry id, decision 0051) and the catalog of its category, found
 * by looking it up among the plans of the three catalogs as the catalog pages read them (the
 * fibre catalog narrowed to the offering type the address is eligible for). `unknown` when no
 * catalog has it: a mistyped or old link, or a plan no longer offered.
 */
export function useCheckoutPlan(planId: string | null): CheckoutPlan {
  const eligibility = useEligibility();
  const eligibleFor =
    eligibility.data?.status === "eligible" ? eligibility.data.offeringType : null;
  const internet = useInternetCatalog(eligibleFor, !eligibility.isPending);
  const sim = useSimCatalog();
  const vpn = useVpnCatalog();

  if (planId === null) return { state: "unknown" };
  const found = (plans: readonly CatalogItem[]) => plans.find((plan) => plan.id === planId);

  if (sim.data) {
    const plan = found(sim.data.plans);
    if (plan) return { state: "found", plan, checkout: { category: "sim", catalog: sim.data } };
  }
  if (vpn.data) {
    const plan = found(vpn.data.plans);
    if (plan) return { state: "found", plan, checkout: { category: "vpn", catalog: vpn.data } };
  }
  if (internet.data) {
    const plan = found(internet.data.offeringTypes.flatMap((group) => group.plans));
    if (plan) {
      return { state: "found", plan, checkout: { category: "internet", catalog: internet.data } };
    }
  }
  const failed = [eligibility, internet, sim, vpn].find((query) => query.isError);
  if (failed) {
    return {
      state: "error",
      error: failed.error,
      retry: () => {
        for (const query of [eligibility, internet, sim, vpn]) {
          if (query.isError) void query.refetch();
        }
      },
      retrying: [eligibility, internet, sim, vpn].some((query) => query.isFetching),
    };
  }
  if (!sim.data || !vpn.data || !internet.data) return { state: "loading" };
  return { state: "unknown" };
}
