import { SYSTEM_FIELDS } from "./system-fields.js";
import type { SObjectDescriptor } from "./sobject-type.js";

/**
 * Contact: the account's person. `Name` is the compound name Salesforce derives from
 * `FirstName` and `LastName` (read-only); `LastNameKana__c` / `FirstNameKana__c` are the custom
 * text fields (80) the org adds for the katakana readings (docs/setup/real-systems.md).
 * Source: Salesforce Object Reference, Contact.
 */
export const CONTACT: SObjectDescriptor = {
  name: "Contact",
  label: "Contact",
  labelPlural: "Contacts",
  keyPrefix: "003",
  fields: [
    ...SYSTEM_FIELDS,
    {
      name: "AccountId",
      type: "reference",
      createable: true,
      updateable: true,
      referenceTo: "Account",
      relationshipName: "Account",
      childRelationshipName: "Contacts",
    },
    { name: "FirstName", type: "string", createable: true, updateable: true },
    { name: "LastName", type: "string", createable: true, updateable: true, required: true },
    { name: "LastNameKana__c", type: "string", createable: true, updateable: true },
    { name: "FirstNameKana__c", type: "string", createable: true, updateable: true },
    {
      name: "Name",
      type: "string",
      createable: false,
      updateable: false,
      formula: (record) =>
        [record.FirstName, record.LastName]
          .filter((part) => typeof part === "string" && part !== "")
          .join(" "),
    },
    { name: "Email", type: "email", createable: true, updateable: true },
    { name: "Phone", type: "phone", createable: true, updateable: true },
  ],
};
