import { z } from "zod";
import {
  type CatalogItem,
  catalogCategorySchema,
  catalogItemSchema,
} from "../catalog/catalog-item.js";
import type { InternetCatalog, SimCatalog, VpnCatalog } from "../catalog/category-catalogs.js";
import { internetOfferingTypeSchema } from "../eligibility/internet-offering-type.js";
import type { OrderChoice } from "./checkout-request.js";
import { orderTotals, orderTotalsSchema } from "./order-totals.js";

/**
 * What a checkout choice comes to: its lines (the plan, chosen options, and the fees the catalog
 * attaches), the internet offering type of a fibre plan (null otherwise), and the totals.
 */
export const orderQuoteSchema = z.object({
  category: catalogCategorySchema,
  offeringType: internetOfferingTypeSchema.nullable(),
  lines: z.array(z.object({ item: catalogItemSchema, quantity: z.number().int().positive() })),
  totals: orderTotalsSchema,
});
export type OrderQuote = z.infer<typeof orderQuoteSchema>;

/**
 * Why a choice cannot be quoted: `unavailable` (an id is not, or no longer, in the catalog —
 * the API's `PRODUCT_UNAVAILABLE`) or `invalid` (the combination makes no sense, e.g. MNP on a
 * data-only plan — `VALIDATION_FAILED`). `field` is the request path (`planId`, `addOnIds.1`).
 */
export class OrderQuoteError extends Error {
  constructor(
    readonly reason: "unavailable" | "invalid",
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "OrderQuoteError";
  }
}

function pick(
  items: readonly CatalogItem[],
  ids: readonly string[],
  field: string,
  what: string,
): CatalogItem[] {
  return ids.map((id, index) => {
    const item = items.find((candidate) => candidate.id === id);
    if (!item) {
      throw new OrderQuoteError(
        "unavailable",
        `${field}.${index}`,
        `This ${what} is no longer offered`,
      );
    }
    return item;
  });
}

function findPlan(plans: readonly CatalogItem[], id: string): CatalogItem {
  const plan = plans.find((candidate) => candidate.id === id);
  if (!plan) throw new OrderQuoteError("unavailable", "planId", "This plan is no longer offered");
  return plan;
}

function quote(
  request: OrderChoice,
  offeringType: OrderQuote["offeringType"],
  items: readonly CatalogItem[],
): OrderQuote {
  return {
    category: request.category,
    offeringType,
    lines: items.map((item) => ({ item, quantity: 1 })),
    totals: orderTotals(
      items.map((item) => ({
        amount: item.price.taxExcluded,
        taxRate: item.price.taxRate,
        billingCycle: item.price.billingCycle,
      })),
    ),
  };
}

/**
 * Prices a checkout choice against the catalog of its category (as `GET /api/catalog/…` serves
 * it): the plan, its options, and the fees every such order carries — activation fees always,
 * the installation fees of the plan's offering type (internet), the issue fees of the SIM type
 * (SIM). Lines in that order. The same function runs in the browser (the summary before placing)
 * and in the BFF (what is ordered), so the two agree.
 * @throws OrderQuoteError when an id is not in the catalog (`unavailable`) or the choice does not
 *   fit the plan (`invalid`: voice options or MNP on a data-only plan).
 * @throws Error when the catalog passed is not the request's category.
 * Source: issue 7 "Checkout and orders"; DESIGN.md §4 (Item_Class__c, Billing_Cycle__c).
 */
export function quoteOrder(
  request: OrderChoice,
  catalog: InternetCatalog | SimCatalog | VpnCatalog,
): OrderQuote {
  switch (request.category) {
    case "internet": {
      if (!("offeringTypes" in catalog)) throw new Error("quoteOrder needs the internet catalog");
      const group = catalog.offeringTypes.find((candidate) =>
        candidate.plans.some((plan) => plan.id === request.planId),
      );
      const plan = findPlan(group?.plans ?? [], request.planId);
      const addOns = pick(catalog.addOns, request.addOnIds, "addOnIds", "option");
      return quote(request, group?.offeringType ?? null, [
        plan,
        ...addOns,
        ...(group?.installationFees ?? []),
        ...catalog.activationFees,
      ]);
    }
    case "sim": {
      if (!("simTypes" in catalog)) throw new Error("quoteOrder needs the SIM catalog");
      const plan = findPlan(catalog.plans, request.planId);
      const voice = plan.simPlanType === "voice";
      if (!voice && request.voiceOptionIds.length > 0) {
        throw new OrderQuoteError("invalid", "voiceOptionIds", "Voice options need a voice plan");
      }
      if (!voice && request.mnp !== null) {
        throw new OrderQuoteError("invalid", "mnp", "Only a voice plan can keep a phone number");
      }
      const voiceOptions = pick(
        catalog.voiceOptions,
        request.voiceOptionIds,
        "voiceOptionIds",
        "voice option",
      );
      const addOns = pick(
        catalog.addOns.filter(
          (addOn) => addOn.simPlanType === null || addOn.simPlanType === plan.simPlanType,
        ),
        request.addOnIds,
        "addOnIds",
        "option",
      );
      const simTypeFees =
        catalog.simTypes.find((candidate) => candidate.simType === request.simType)?.fees ?? [];
      return quote(request, null, [
        plan,
        ...voiceOptions,
        ...addOns,
        ...simTypeFees,
        ...catalog.activationFees,
      ]);
    }
    case "vpn": {
      if (!("plans" in catalog) || "simTypes" in catalog) {
        throw new Error("quoteOrder needs the VPN catalog");
      }
      const plan = findPlan(catalog.plans, request.planId);
      const addOns = pick(catalog.addOns, request.addOnIds, "addOnIds", "option");
      return quote(request, null, [plan, ...addOns, ...catalog.activationFees]);
    }
  }
}
