import { SYSTEM_FIELDS } from "./system-fields.js";
import type { SObjectDescriptor } from "./sobject-type.js";

/**
 * PricebookEntry: a product's price in one price book. `Pricebook2Id` and `Product2Id` are set on
 * create and never updated (createable, not updateable); `UnitPrice` is a currency field;
 * `UseStandardPrice` says the entry follows the standard price book's price (the sandbox stores
 * it, it does not recompute prices from it). SOQL reaches the parents through the relationships
 * `Pricebook2` and `Product2` (`Product2.Name`), and the children from them as `PricebookEntries`.
 * Source: Salesforce Object Reference, "PricebookEntry".
 */
export const PRICEBOOK_ENTRY: SObjectDescriptor = {
  name: "PricebookEntry",
  label: "Price Book Entry",
  labelPlural: "Price Book Entries",
  keyPrefix: "01u",
  fields: [
    ...SYSTEM_FIELDS,
    {
      name: "Pricebook2Id",
      type: "reference",
      createable: true,
      updateable: false,
      required: true,
      referenceTo: "Pricebook2",
      relationshipName: "Pricebook2",
      childRelationshipName: "PricebookEntries",
    },
    {
      name: "Product2Id",
      type: "reference",
      createable: true,
      updateable: false,
      required: true,
      referenceTo: "Product2",
      relationshipName: "Product2",
      childRelationshipName: "PricebookEntries",
    },
    { name: "UnitPrice", type: "currency", createable: true, updateable: true, required: true },
    { name: "IsActive", type: "boolean", createable: true, updateable: true },
    { name: "UseStandardPrice", type: "boolean", createable: true, updateable: true },
  ],
};
