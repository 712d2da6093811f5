import {
  type CatalogItem,
  catalogPrice,
  type InternetPlanTier,
  type SimPlanType,
} from "@portal/domain";
import type { RawCatalogEntry } from "../raw/pricebook-entry.js";
import type { INTERNET_PLAN_TIERS, SIM_PLAN_TYPES } from "../raw/product.js";
import { OFFERING_TYPES_FROM_RAW } from "./internet-offering-type.js";
import { toLocalizedText, toOptionalLocalizedText } from "./localized-text.js";
import {
  BILLING_CYCLES_FROM_RAW,
  CATEGORIES_FROM_RAW,
  ITEM_CLASSES_FROM_RAW,
} from "./product-picklists.js";
import { SIM_TYPES_FROM_RAW } from "./sim-type.js";

const PLAN_TIERS: Record<(typeof INTERNET_PLAN_TIERS)[number], InternetPlanTier> = {
  Standard: "standard",
  Premium: "premium",
};
const SIM_PLAN_TYPE_VALUES: Record<(typeof SIM_PLAN_TYPES)[number], SimPlanType> = {
  "Data+Voice": "voice",
  "Data Only": "data",
};

/** Why a pricebook row cannot be offered: the field and what is wrong with it. */
export class UnusableCatalogEntry extends Error {
  constructor(
    readonly entryId: string,
    readonly field: string,
    problem: string,
  ) {
    super(`PricebookEntry ${entryId}: ${field} ${problem}`);
    this.name = "UnusableCatalogEntry";
  }
}

/**
 * A PricebookEntry of the portal pricebook with its Product2 → `CatalogItem`. Picklist values become
 * the domain enums (`Data+Voice` → `voice`, `Home 1G` → `home_1g`, `Add-on` → `add_on`…); empty
 * optional fields stay null; name and description are Japanese + English (`*_En__c`, falling back
 * to the Japanese text, decision 0064); `UnitPrice` is integer yen excluding tax and becomes both prices
 * (`catalogPrice`, decision 0051); `WH_Product_ID__c` a positive integer or null.
 * Source: DESIGN.md §4 (Product2, PricebookEntry); docs/setup/real-systems.md.
 * @throws UnusableCatalogEntry when the row cannot be offered: no product, no SKU, no category,
 *   item class or billing cycle, a picklist value the portal does not know, a price that is not a
 *   whole non-negative number of yen, or a WHMCS product id that is not a positive integer.
 */
export function toCatalogItem(raw: RawCatalogEntry): CatalogItem {
  const product = raw.Product2;
  const unusable = (field: string, problem: string) =>
    new UnusableCatalogEntry(raw.Id, field, problem);
  if (!product) throw unusable("Product2", "is empty");
  const required = <V>(field: string, value: string | null, values: Record<string, V>): V => {
    if (value === null) throw unusable(field, "is empty");
    return known(field, value, values);
  };
  const known = <V>(field: string, value: string, values: Record<string, V>): V => {
    const mapped = Object.hasOwn(values, value) ? values[value] : undefined;
    if (mapped === undefined) throw unusable(field, `has an unknown value "${value}"`);
    return mapped;
  };
  const optional = <V>(field: string, value: string | null, values: Record<string, V>): V | null =>
    value === null ? null : known(field, value, values);

  const sku = product.StockKeepingUnit?.trim();
  if (!sku) throw unusable("Product2.StockKeepingUnit", "is empty");
  if (!Number.isSafeInteger(raw.UnitPrice) || raw.UnitPrice < 0) {
    throw unusable("UnitPrice", `is not a whole non-negative number of yen (${raw.UnitPrice})`);
  }
  const billingCycle = required(
    "Product2.Billing_Cycle__c",
    product.Billing_Cycle__c,
    BILLING_CYCLES_FROM_RAW,
  );
  const whmcsId = product.WH_Product_ID__c?.trim() ?? "";
  if (whmcsId !== "" && !/^[1-9]\d{0,9}$/.test(whmcsId)) {
    throw unusable("Product2.WH_Product_ID__c", `is not a WHMCS product id ("${whmcsId}")`);
  }
  if (product.SIM_Data_Size__c !== null && !(product.SIM_Data_Size__c > 0)) {
    throw unusable("Product2.SIM_Data_Size__c", "is not a positive number of GB");
  }
  return {
    id: raw.Id,
    productId: product.Id,
    sku,
    name: toLocalizedText(product.Name, product.Name_En__c),
    description: toOptionalLocalizedText(product.Description, product.Description_En__c),
    category: required(
      "Product2.Portal_Category__c",
      product.Portal_Category__c,
      CATEGORIES_FROM_RAW,
    ),
    itemClass: required("Product2.Item_Class__c", product.Item_Class__c, ITEM_CLASSES_FROM_RAW),
    price: catalogPrice(raw.UnitPrice, billingCycle),
    billingProductId: whmcsId === "" ? null : Number(whmcsId),
    displayOrder: product.Display_Order__c ?? Number.MAX_SAFE_INTEGER,
    offeringType: optional(
      "Product2.Internet_Offering_Type__c",
      product.Internet_Offering_Type__c,
      OFFERING_TYPES_FROM_RAW,
    ),
    planTier: optional("Product2.Internet_Plan_Tier__c", product.Internet_Plan_Tier__c, PLAN_TIERS),
    dataSizeGb: product.SIM_Data_Size__c,
    simPlanType: optional(
      "Product2.SIM_Plan_Type__c",
      product.SIM_Plan_Type__c,
      SIM_PLAN_TYPE_VALUES,
    ),
    simType: optional("Product2.SIM_Type__c", product.SIM_Type__c, SIM_TYPES_FROM_RAW),
  };
}
