import { z } from "zod";

/**
 * The values of the restricted picklist `Product2.Portal_Category__c`: which catalog page a product
 * belongs to. Source: DESIGN.md §4 "Salesforce objects and fields" (Product2).
 */
export const PORTAL_CATEGORIES = ["Internet", "SIM", "VPN"] as const;
/** A `Portal_Category__c` value. */
export type PortalCategory = (typeof PORTAL_CATEGORIES)[number];

/**
 * The values of the restricted picklist `Product2.Item_Class__c`: a plan (`Service`), a one-time
 * fee (`Activation`, `Installation`) or an option (`Add-on`). Source: DESIGN.md §4 (Product2).
 */
export const ITEM_CLASSES = ["Service", "Activation", "Installation", "Add-on"] as const;
/** An `Item_Class__c` value. */
export type ItemClass = (typeof ITEM_CLASSES)[number];

/**
 * The values of the restricted picklist `Product2.Billing_Cycle__c`: charged every month or once.
 * Source: DESIGN.md §4 (Product2).
 */
export const BILLING_CYCLES = ["Monthly", "Onetime"] as const;

/**
 * The values of the restricted picklist `Product2.Internet_Offering_Type__c` (and of
 * `Account.Internet_Eligibility__c`, which names the offering type an address qualifies for):
 * NTT FLET'S Hikari-style fibre products — a detached house on 1 Gbps or 10 Gbps, or an apartment
 * building's shared line (マンションタイプ). The domain's `internetOfferingTypeSchema` names them in plain terms. Source: DESIGN.md §4;
 * decisions 0051, 0053.
 */
export const INTERNET_OFFERING_TYPES = ["Home 1G", "Home 10G", "Mansion 1G"] as const;
/** An `Internet_Offering_Type__c` / `Internet_Eligibility__c` value. */
export type InternetOfferingType = (typeof INTERNET_OFFERING_TYPES)[number];

/**
 * The values of the restricted picklist `Product2.Internet_Plan_Tier__c`: `Standard` (bring your own
 * router) or `Premium` (Wi-Fi 6 router and priority support included). Decision 0051.
 */
export const INTERNET_PLAN_TIERS = ["Standard", "Premium"] as const;

/**
 * The values of the restricted picklist `Product2.SIM_Plan_Type__c`: voice and data (`Data+Voice`,
 * can keep a number through MNP) or data only. On an add-on or fee, the plan type it applies to
 * (empty = every SIM plan). Source: DESIGN.md §4 (Product2); decision 0051.
 */
export const SIM_PLAN_TYPES = ["Data+Voice", "Data Only"] as const;

/**
 * The values of the restricted picklist `Product2.SIM_Type__c` (and `Order.SIM_Type__c`): a physical
 * SIM card or an eSIM profile. On a product, it marks the SIM issue fee of that SIM type.
 * Decision 0051 (the field is an addition to DESIGN.md §4's Product2).
 */
export const SIM_TYPES = ["Physical", "eSIM"] as const;

/**
 * The Product2 fields the catalog reads through a PricebookEntry (`Product2.<Field>`). Text and number
 * fields Salesforce leaves empty come back as `null`; picklists are read as text (a value the portal
 * does not know is refused by the mapper, not here). `SIM_Data_Size__c` is a number of gigabytes,
 * `Display_Order__c` a number (ascending). `Name` and `Description` are Japanese, `Name_En__c` and
 * `Description_En__c` their English text (decision 0064).
 * Source: DESIGN.md §4 "Salesforce objects and fields" (Product2); Salesforce Object Reference "Product2".
 */
export const rawCatalogProductSchema = z.object({
  Id: z.string(),
  StockKeepingUnit: z.string().nullable(),
  Name: z.string(),
  Name_En__c: z.string().nullable(),
  Description: z.string().nullable(),
  Description_En__c: z.string().nullable(),
  Portal_Category__c: z.string().nullable(),
  Portal_Visible__c: z.boolean(),
  Item_Class__c: z.string().nullable(),
  Billing_Cycle__c: z.string().nullable(),
  WH_Product_ID__c: z.string().nullable(),
  Internet_Offering_Type__c: z.string().nullable(),
  Internet_Plan_Tier__c: z.string().nullable(),
  SIM_Data_Size__c: z.number().nullable(),
  SIM_Plan_Type__c: z.string().nullable(),
  SIM_Type__c: z.string().nullable(),
  Display_Order__c: z.number().nullable(),
  IsActive: z.boolean(),
});
/** The Product2 part of a catalog row. */
export type RawCatalogProduct = z.infer<typeof rawCatalogProductSchema>;

/** The Product2 field names the catalog query selects (as `Product2.<name>`), in schema order. */
export const catalogProductFields = rawCatalogProductSchema.keyof().options;
