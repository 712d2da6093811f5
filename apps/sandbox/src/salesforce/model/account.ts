import { raw } from "@portal/salesforce";
import { SYSTEM_FIELDS } from "./system-fields.js";
import type { SObjectDescriptor } from "./sobject-type.js";

/**
 * Account with the custom fields the portal relies on: `SF_Account_No__c` (customer number, text),
 * `WH_Account__c` (WHMCS client id, text), `Portal_Status__c`, `Portal_Registration_Source__c`,
 * `Internet_Eligibility__c`, `Internet_Eligibility_Status__c`, billing address.
 * Picklist values are the integration package's raw enums, so both sides of the wire share them.
 * Source: DESIGN.md §4 "Salesforce objects and fields the portal relies on".
 */
export const ACCOUNT: SObjectDescriptor = {
  name: "Account",
  label: "Account",
  labelPlural: "Accounts",
  keyPrefix: "001",
  fields: [
    ...SYSTEM_FIELDS,
    { name: "Name", type: "string", createable: true, updateable: true, required: true },
    { name: "SF_Account_No__c", type: "string", createable: true, updateable: true },
    { name: "WH_Account__c", type: "string", createable: true, updateable: true },
    {
      name: "Portal_Status__c",
      type: "picklist",
      createable: true,
      updateable: true,
      picklistValues: raw.PORTAL_STATUSES,
    },
    { name: "Portal_Registration_Source__c", type: "string", createable: true, updateable: true },
    {
      name: "Internet_Eligibility__c",
      type: "picklist",
      createable: true,
      updateable: true,
      picklistValues: raw.INTERNET_OFFERING_TYPES,
    },
    {
      name: "Internet_Eligibility_Status__c",
      type: "picklist",
      createable: true,
      updateable: true,
      picklistValues: raw.INTERNET_ELIGIBILITY_STATUSES,
    },
    { name: "Phone", type: "phone", createable: true, updateable: true },
    { name: "BillingStreet", type: "textarea", createable: true, updateable: true },
    { name: "BillingCity", type: "string", createable: true, updateable: true },
    { name: "BillingState", type: "string", createable: true, updateable: true },
    { name: "BillingPostalCode", type: "string", createable: true, updateable: true },
    { name: "BillingCountry", type: "string", createable: true, updateable: true },
  ],
};
