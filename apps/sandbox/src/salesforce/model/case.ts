import { raw } from "@portal/salesforce";
import { SYSTEM_FIELDS } from "./system-fields.js";
import type { SObjectDescriptor } from "./sobject-type.js";

/**
 * Case: a request to staff. `CaseNumber` is the read-only auto-number Salesforce gives every Case
 * (`00001001`, …); `Status` defaults to `New` and `Priority` to `Medium` as in a new org; `Origin`
 * and `Type` carry the values the portal needs beside the standard ones (`Portal Website`,
 * `Internet Eligibility`; docs/setup/real-systems.md); `IsClosed` is derived from `Status`.
 * Picklist values are the integration package's raw enums, so both sides of the wire share them.
 * Source: Salesforce Object Reference, Case; DESIGN.md §4 (Case).
 */
export const CASE: SObjectDescriptor = {
  name: "Case",
  label: "Case",
  labelPlural: "Cases",
  keyPrefix: "500",
  fields: [
    ...SYSTEM_FIELDS,
    { name: "CaseNumber", type: "string", createable: false, updateable: false, autoNumber: true },
    {
      name: "AccountId",
      type: "reference",
      createable: true,
      updateable: true,
      referenceTo: "Account",
      relationshipName: "Account",
      childRelationshipName: "Cases",
    },
    {
      name: "ContactId",
      type: "reference",
      createable: true,
      updateable: true,
      referenceTo: "Contact",
      relationshipName: "Contact",
      childRelationshipName: "Cases",
    },
    { name: "Subject", type: "string", createable: true, updateable: true },
    { name: "Description", type: "textarea", createable: true, updateable: true },
    {
      name: "Status",
      type: "picklist",
      createable: true,
      updateable: true,
      picklistValues: raw.CASE_STATUSES,
      defaultValue: "New",
    },
    {
      name: "Priority",
      type: "picklist",
      createable: true,
      updateable: true,
      picklistValues: raw.CASE_PRIORITIES,
      defaultValue: "Medium",
    },
    {
      name: "Origin",
      type: "picklist",
      createable: true,
      updateable: true,
      picklistValues: raw.CASE_ORIGINS,
    },
    {
      name: "Type",
      type: "picklist",
      createable: true,
      updateable: true,
      picklistValues: raw.CASE_TYPES,
    },
    {
      name: "IsClosed",
      type: "boolean",
      createable: false,
      updateable: false,
      formula: (record) => record.Status === "Closed",
    },
  ],
};
