import { z } from "zod";
import {
  type InternetOfferingType,
  internetOfferingTypeSchema,
} from "../eligibility/internet-offering-type.js";
import { localizedTextSchema } from "../common/localized-text.js";
import { catalogPriceSchema } from "./catalog-price.js";

/** Which catalog page an item belongs to. */
export const catalogCategorySchema = z.enum(["internet", "sim", "vpn"]);
export type CatalogCategory = z.infer<typeof catalogCategorySchema>;

/**
 * What an item is to the customer: the plan itself (`service`), a one-time fee (`activation`,
 * `installation`), or an option added to a plan (`add_on`). Source: DESIGN.md §4 `Item_Class__c`.
 */
export const catalogItemClassSchema = z.enum(["service", "activation", "installation", "add_on"]);
export type CatalogItemClass = z.infer<typeof catalogItemClassSchema>;

/** The best-effort maximum line speed of each offering type, in Mbps (the NTT line's nominal rate). */
export const OFFERING_TYPE_MAX_SPEED_MBPS: Readonly<Record<InternetOfferingType, number>> = {
  home_1g: 1_000,
  home_10g: 10_000,
  mansion_1g: 1_000,
};

/** A fibre plan's tier: `standard` (bring your own router) or `premium` (router and priority support included). */
export const internetPlanTierSchema = z.enum(["standard", "premium"]);
export type InternetPlanTier = z.infer<typeof internetPlanTierSchema>;

/**
 * A SIM plan's type: `voice` (voice and data, has a phone number, can bring one through MNP) or
 * `data` (data only). On an option or fee, the plan type it applies to.
 */
export const simPlanTypeSchema = z.enum(["voice", "data"]);
export type SimPlanType = z.infer<typeof simPlanTypeSchema>;

/** A SIM's form: a physical card or an eSIM profile. */
export const simTypeSchema = z.enum(["physical", "esim"]);
export type SimType = z.infer<typeof simTypeSchema>;

/**
 * One orderable item of the portal pricebook: a plan, a fee or an option.
 * - `name`, `description`: Japanese and English (`Name` / `Name_En__c`, decision 0064);
 * - `id`: the Salesforce PricebookEntry id — what checkout orders (`/checkout?plan=<id>`, decision 0051);
 * - `productId`, `sku`: the product (Product2 Id and `StockKeepingUnit`);
 * - `billingProductId`: the WHMCS product id provisioning uses, null when the item has none (fees);
 * - `displayOrder`: ascending order within its group;
 * - the attributes of its category, null when they do not apply: `offeringType`, `planTier`
 *   (internet); `dataSizeGb` (GB per month), `simPlanType`, `simType` (SIM).
 * Source: DESIGN.md §4 (Product2, PricebookEntry).
 */
export const catalogItemSchema = z.object({
  id: z.string().min(1),
  productId: z.string().min(1),
  sku: z.string().min(1),
  name: localizedTextSchema,
  description: localizedTextSchema.nullable(),
  category: catalogCategorySchema,
  itemClass: catalogItemClassSchema,
  price: catalogPriceSchema,
  billingProductId: z.number().int().positive().nullable(),
  displayOrder: z.number(),
  offeringType: internetOfferingTypeSchema.nullable(),
  planTier: internetPlanTierSchema.nullable(),
  dataSizeGb: z.number().positive().nullable(),
  simPlanType: simPlanTypeSchema.nullable(),
  simType: simTypeSchema.nullable(),
});
export type CatalogItem = z.infer<typeof catalogItemSchema>;
