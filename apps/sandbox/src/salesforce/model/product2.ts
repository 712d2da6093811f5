import { raw } from "@portal/salesforce";
import { SYSTEM_FIELDS } from "./system-fields.js";
import type { SObjectDescriptor } from "./sobject-type.js";

/**
 * Product2 with the standard fields the catalog uses (`Name`, `ProductCode`, `Description`,
 * `StockKeepingUnit`, `IsActive`) and the custom fields of DESIGN.md §4: `Portal_Category__c`,
 * `Portal_Visible__c`, `Item_Class__c`, `Billing_Cycle__c`, `WH_Product_ID__c`,
 * `Internet_Offering_Type__c`, `Internet_Plan_Tier__c`, `SIM_Data_Size__c` (number, GB),
 * `SIM_Plan_Type__c`, `SIM_Type__c` (decision 0051), `Display_Order__c`, and the English texts
 * `Name_En__c`, `Description_En__c` (decision 0064; `Name` and `Description` are Japanese). Picklists are restricted to
 * the integration package's raw enums, so both sides of the wire share them.
 * Source: Salesforce Object Reference, "Product2"; DESIGN.md §4; docs/setup/real-systems.md.
 */
export const PRODUCT2: SObjectDescriptor = {
  name: "Product2",
  label: "Product",
  labelPlural: "Products",
  keyPrefix: "01t",
  fields: [
    ...SYSTEM_FIELDS,
    { name: "Name", type: "string", createable: true, updateable: true, required: true },
    { name: "ProductCode", type: "string", createable: true, updateable: true },
    { name: "Name_En__c", type: "string", createable: true, updateable: true },
    { name: "Description", type: "textarea", createable: true, updateable: true },
    { name: "Description_En__c", type: "textarea", createable: true, updateable: true },
    { name: "StockKeepingUnit", type: "string", createable: true, updateable: true },
    { name: "IsActive", type: "boolean", createable: true, updateable: true },
    picklist("Portal_Category__c", raw.PORTAL_CATEGORIES),
    { name: "Portal_Visible__c", type: "boolean", createable: true, updateable: true },
    picklist("Item_Class__c", raw.ITEM_CLASSES),
    picklist("Billing_Cycle__c", raw.BILLING_CYCLES),
    { name: "WH_Product_ID__c", type: "string", createable: true, updateable: true },
    picklist("Internet_Offering_Type__c", raw.INTERNET_OFFERING_TYPES),
    picklist("Internet_Plan_Tier__c", raw.INTERNET_PLAN_TIERS),
    { name: "SIM_Data_Size__c", type: "double", createable: true, updateable: true },
    picklist("SIM_Plan_Type__c", raw.SIM_PLAN_TYPES),
    picklist("SIM_Type__c", raw.SIM_TYPES),
    { name: "Display_Order__c", type: "double", createable: true, updateable: true },
  ],
};

function picklist(name: string, values: readonly string[]) {
  return {
    name,
    type: "picklist",
    createable: true,
    updateable: true,
    picklistValues: values,
  } as const;
}
