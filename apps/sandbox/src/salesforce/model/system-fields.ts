import type { SfFieldDescriptor } from "./sobject-type.js";

/**
 * Fields every sObject has, maintained by the platform and never writable through the API.
 * Source: Salesforce Object Reference, "System Fields".
 */
export const SYSTEM_FIELDS: readonly SfFieldDescriptor[] = [
  { name: "Id", type: "id", createable: false, updateable: false },
  { name: "IsDeleted", type: "boolean", createable: false, updateable: false },
  { name: "CreatedDate", type: "datetime", createable: false, updateable: false },
  { name: "LastModifiedDate", type: "datetime", createable: false, updateable: false },
  { name: "SystemModstamp", type: "datetime", createable: false, updateable: false },
];
