import { SYSTEM_FIELDS } from "./system-fields.js";
import type { SObjectDescriptor } from "./sobject-type.js";

/**
 * Pricebook2: a price book. `IsStandard` is set by the platform (the org's one standard price
 * book) and read-only through the API. Source: Salesforce Object Reference, "Pricebook2".
 */
export const PRICEBOOK2: SObjectDescriptor = {
  name: "Pricebook2",
  label: "Price Book",
  labelPlural: "Price Books",
  keyPrefix: "01s",
  fields: [
    ...SYSTEM_FIELDS,
    { name: "Name", type: "string", createable: true, updateable: true, required: true },
    { name: "Description", type: "string", createable: true, updateable: true },
    { name: "IsActive", type: "boolean", createable: true, updateable: true },
    { name: "IsStandard", type: "boolean", createable: false, updateable: false },
  ],
};
