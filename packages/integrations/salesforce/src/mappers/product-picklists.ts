import { type BillingCycle, type CatalogCategory, type CatalogItemClass } from "@portal/domain";
import { type BILLING_CYCLES, type ItemClass, type PortalCategory } from "../raw/product.js";

/**
 * `Portal_Category__c` (Product2) and the Order `Type` the portal writes → the catalog category.
 * Decisions 0051, 0058.
 */
export const CATEGORIES_FROM_RAW: Readonly<Record<PortalCategory, CatalogCategory>> = {
  Internet: "internet",
  SIM: "sim",
  VPN: "vpn",
};

/** `Product2.Item_Class__c` → the domain's item class (`Add-on` → `add_on`). Decision 0051. */
export const ITEM_CLASSES_FROM_RAW: Readonly<Record<ItemClass, CatalogItemClass>> = {
  Service: "service",
  Activation: "activation",
  Installation: "installation",
  "Add-on": "add_on",
};

/** `Product2.Billing_Cycle__c` → the domain's billing cycle (`Onetime` → `one_time`). */
export const BILLING_CYCLES_FROM_RAW: Readonly<
  Record<(typeof BILLING_CYCLES)[number], BillingCycle>
> = {
  Monthly: "monthly",
  Onetime: "one_time",
};

/** The `Portal_Category__c` / Order `Type` value of a catalog category. */
export function toRawPortalCategory(category: CatalogCategory): PortalCategory {
  const entry = Object.entries(CATEGORIES_FROM_RAW).find(([, value]) => value === category);
  if (!entry) throw new Error(`No Portal_Category__c for ${category}`);
  return entry[0] as PortalCategory;
}

/** A picklist value looked up in `values`, or null when empty or unknown. */
export function knownValue<V>(value: string | null, values: Readonly<Record<string, V>>): V | null {
  return value !== null && Object.hasOwn(values, value) ? (values[value] ?? null) : null;
}
