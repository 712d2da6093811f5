import { internetOfferingTypeSchema } from "../eligibility/internet-offering-type.js";
import {
  type CatalogItem,
  type CatalogItemClass,
  OFFERING_TYPE_MAX_SPEED_MBPS,
  simTypeSchema,
} from "./catalog-item.js";
import type { InternetCatalog, SimCatalog, VpnCatalog } from "./category-catalogs.js";

const byDisplayOrder = (a: CatalogItem, b: CatalogItem): number =>
  a.displayOrder - b.displayOrder || a.sku.localeCompare(b.sku);

function ofClass(
  items: readonly CatalogItem[],
  ...classes: readonly CatalogItemClass[]
): CatalogItem[] {
  return items.filter((item) => classes.includes(item.itemClass)).sort(byDisplayOrder);
}

/**
 * Groups the internet items of the portal pricebook into {@link InternetCatalog}: per offering type
 * (in enum order: home 1G, home 10G, mansion 1G) its plans and installation fees — an installation
 * fee without an offering type goes into every group — then activation fees and add-ons. Plans
 * without an offering type cannot be offered to any address and are left out; so are items of
 * another category.
 */
export function groupInternetCatalog(items: readonly CatalogItem[]): InternetCatalog {
  const internet = items.filter((item) => item.category === "internet");
  const plans = ofClass(internet, "service");
  const installations = ofClass(internet, "installation");
  return {
    offeringTypes: internetOfferingTypeSchema.options.flatMap((offeringType) => {
      const groupPlans = plans.filter((plan) => plan.offeringType === offeringType);
      if (groupPlans.length === 0) return [];
      return [
        {
          offeringType,
          maxSpeedMbps: OFFERING_TYPE_MAX_SPEED_MBPS[offeringType],
          plans: groupPlans,
          installationFees: installations.filter(
            (fee) => fee.offeringType === null || fee.offeringType === offeringType,
          ),
        },
      ];
    }),
    activationFees: ofClass(internet, "activation"),
    addOns: ofClass(internet, "add_on"),
  };
}

/**
 * Groups the SIM items into {@link SimCatalog}: plans ordered by plan type (voice first) then data
 * size; activation fees without a SIM type for every order; per SIM type (physical, eSIM) the
 * activation-class fees marked with it; add-ons for voice plans only become `voiceOptions`, the
 * others `addOns`.
 */
export function groupSimCatalog(items: readonly CatalogItem[]): SimCatalog {
  const sim = items.filter((item) => item.category === "sim");
  const activations = ofClass(sim, "activation", "installation");
  const addOns = ofClass(sim, "add_on");
  const planTypeRank = (item: CatalogItem): number => (item.simPlanType === "voice" ? 0 : 1);
  return {
    plans: ofClass(sim, "service").sort(
      (a, b) =>
        planTypeRank(a) - planTypeRank(b) ||
        (a.dataSizeGb ?? 0) - (b.dataSizeGb ?? 0) ||
        byDisplayOrder(a, b),
    ),
    activationFees: activations.filter((fee) => fee.simType === null),
    simTypes: simTypeSchema.options.map((simType) => ({
      simType,
      fees: activations.filter((fee) => fee.simType === simType),
    })),
    voiceOptions: addOns.filter((addOn) => addOn.simPlanType === "voice"),
    addOns: addOns.filter((addOn) => addOn.simPlanType !== "voice"),
  };
}

/** Groups the VPN items into {@link VpnCatalog}: plans, one-time fees, add-ons, in display order. */
export function groupVpnCatalog(items: readonly CatalogItem[]): VpnCatalog {
  const vpn = items.filter((item) => item.category === "vpn");
  return {
    plans: ofClass(vpn, "service"),
    activationFees: ofClass(vpn, "activation", "installation"),
    addOns: ofClass(vpn, "add_on"),
  };
}
