import { SYSTEM_FIELDS } from "./system-fields.js";
import type { SObjectDescriptor } from "./sobject-type.js";

/**
 * OrderItem (order product): one line of an Order — the product and its price book entry
 * (`PricebookEntryId` is create-only), quantity, unit price, the derived `TotalPrice`
 * (Quantity × UnitPrice) and the WHMCS service created for it (`WHMCS_Service_ID__c`). Children
 * of an Order are the `OrderItems` relationship.
 * Source: DESIGN.md §4 (OrderItem); Salesforce Object Reference "OrderItem".
 */
export const ORDER_ITEM: SObjectDescriptor = {
  name: "OrderItem",
  label: "Order Product",
  labelPlural: "Order Products",
  keyPrefix: "802",
  fields: [
    ...SYSTEM_FIELDS,
    {
      name: "OrderId",
      type: "reference",
      createable: true,
      updateable: false,
      required: true,
      referenceTo: "Order",
      relationshipName: "Order",
      childRelationshipName: "OrderItems",
    },
    {
      name: "Product2Id",
      type: "reference",
      createable: true,
      updateable: false,
      referenceTo: "Product2",
      relationshipName: "Product2",
    },
    {
      name: "PricebookEntryId",
      type: "reference",
      createable: true,
      updateable: false,
      required: true,
      referenceTo: "PricebookEntry",
      relationshipName: "PricebookEntry",
    },
    { name: "Quantity", type: "double", createable: true, updateable: true, required: true },
    { name: "UnitPrice", type: "currency", createable: true, updateable: true, required: true },
    {
      name: "TotalPrice",
      type: "currency",
      createable: false,
      updateable: false,
      formula: (record) =>
        typeof record.Quantity === "number" && typeof record.UnitPrice === "number"
          ? record.Quantity * record.UnitPrice
          : null,
    },
    { name: "Description", type: "string", createable: true, updateable: true },
    { name: "WHMCS_Service_ID__c", type: "string", createable: true, updateable: true },
  ],
};
