import type { SObjectDescriptor } from "./sobject-type.js";

/**
 * OrderHistory: the rows Field History Tracking writes for Order (read-only through the API): the
 * order (`OrderId`, children `Histories`), the field (`Field`, `created` for the creation row),
 * old and new value, who and when. Written by the sandbox on every change of a tracked field.
 * Source: Salesforce Object Reference "OrderHistory" (the shared `<Object>History` fields).
 */
export const ORDER_HISTORY: SObjectDescriptor = {
  name: "OrderHistory",
  label: "Order History",
  labelPlural: "Order History",
  keyPrefix: "0Oh",
  fields: [
    { name: "Id", type: "id", createable: false, updateable: false },
    { name: "IsDeleted", type: "boolean", createable: false, updateable: false },
    {
      name: "OrderId",
      type: "reference",
      createable: false,
      updateable: false,
      referenceTo: "Order",
      relationshipName: "Order",
      childRelationshipName: "Histories",
    },
    { name: "Field", type: "string", createable: false, updateable: false },
    { name: "DataType", type: "string", createable: false, updateable: false },
    { name: "OldValue", type: "string", createable: false, updateable: false },
    { name: "NewValue", type: "string", createable: false, updateable: false },
    { name: "CreatedById", type: "reference", createable: false, updateable: false },
    { name: "CreatedDate", type: "datetime", createable: false, updateable: false },
  ],
};
