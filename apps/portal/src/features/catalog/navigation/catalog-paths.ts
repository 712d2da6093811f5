import { type CatalogCategory, type CatalogItem } from "@portal/domain";

/** Path of the catalog overview (three category cards). */
export const CATALOG_PATH = "/catalog";

/** Path of one category's plans: `/catalog/internet`, `/catalog/sim`, `/catalog/vpn`. */
export function catalogCategoryPath(category: CatalogCategory): string {
  return `${CATALOG_PATH}/${category}`;
}

/**
 * Where a plan's "choose" button leads: checkout with the plan's PricebookEntry id,
 * `/checkout?plan=01u…` (decision 0051: the id checkout orders and Salesforce's OrderItem needs).
 */
export function checkoutPath(plan: Pick<CatalogItem, "id">): string {
  return `/checkout?${new URLSearchParams({ plan: plan.id }).toString()}`;
}
