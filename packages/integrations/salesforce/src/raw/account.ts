import { z } from "zod";
import { INTERNET_OFFERING_TYPES } from "./product.js";
import { recordAttributesSchema } from "./record-attributes.js";

/**
 * The values of the restricted picklist `Portal_Status__c`: `Not Yet` (no portal user) and `Active`.
 * Source: DESIGN.md §4 "Salesforce objects and fields" (Account).
 */
export const PORTAL_STATUSES = ["Not Yet", "Active"] as const;
/** A `Portal_Status__c` value. */
export type PortalStatus = (typeof PORTAL_STATUSES)[number];

/** `Portal_Status__c` value meaning the account has a portal user. */
export const PORTAL_STATUS_ACTIVE = "Active" satisfies PortalStatus;

/**
 * The values of the restricted picklist `Internet_Eligibility_Status__c`: whether the account's
 * address was checked for internet service and with what outcome.
 * Source: DESIGN.md §4 "Salesforce objects and fields" (Account).
 */
export const INTERNET_ELIGIBILITY_STATUSES = [
  "Not Requested",
  "Pending",
  "Eligible",
  "Ineligible",
] as const;
/** An `Internet_Eligibility_Status__c` value. */
export type InternetEligibilityStatus = (typeof INTERNET_ELIGIBILITY_STATUSES)[number];

/**
 * The Account's internet eligibility fields as the portal reads them (a query record of
 * `SELECT Id, Internet_Eligibility__c, Internet_Eligibility_Status__c FROM Account`).
 * Empty picklists come back as `null`; values outside the picklists are refused by the schema
 * (both are restricted picklists in the org).
 */
export const rawAccountEligibilitySchema = z.object({
  attributes: recordAttributesSchema,
  Id: z.string(),
  Internet_Eligibility__c: z.enum(INTERNET_OFFERING_TYPES).nullable(),
  Internet_Eligibility_Status__c: z.enum(INTERNET_ELIGIBILITY_STATUSES).nullable(),
});
/** A validated Account eligibility read. */
export type RawAccountEligibility = z.infer<typeof rawAccountEligibilitySchema>;

/** The field list of {@link rawAccountEligibilitySchema}. */
export const accountEligibilityFields = [
  "Id",
  "Internet_Eligibility__c",
  "Internet_Eligibility_Status__c",
] as const;

/**
 * The body of `PATCH sobjects/Account/{Id}` that records a new eligibility request: status
 * `Pending`, the offering type of an earlier answer cleared.
 */
export interface RawAccountEligibilityPending {
  Internet_Eligibility_Status__c: "Pending";
  Internet_Eligibility__c: null;
}

/**
 * The Account fields the portal reads. Text fields Salesforce leaves empty come back as `null`.
 * `SF_Account_No__c` (customer number) is required: every account the portal reads is looked up by it
 * or was linked through it. Source: DESIGN.md §4 "Salesforce objects and fields".
 */
const rawAccountFieldsSchema = z.object({
  Id: z.string(),
  Name: z.string(),
  SF_Account_No__c: z.string(),
  Portal_Status__c: z.string().nullable(),
  WH_Account__c: z.string().nullable(),
  Portal_Registration_Source__c: z.string().nullable(),
});

/** The field list sent in SOQL `SELECT` and in `?fields=`, in schema order. */
export const accountFields = rawAccountFieldsSchema.keyof().options;

/** An Account record as the REST API returns it (query record or `GET sobjects/Account/{Id}`). */
export const rawAccountSchema = rawAccountFieldsSchema.extend({
  attributes: recordAttributesSchema,
});
/** A validated Account record, field names as Salesforce spells them. */
export type RawAccount = z.infer<typeof rawAccountSchema>;

/** The body of `PATCH sobjects/Account/{Id}` that marks the account as registered on the portal. */
export interface RawAccountPortalLink {
  Portal_Status__c: typeof PORTAL_STATUS_ACTIVE;
  /** WHMCS client id, written as text. */
  WH_Account__c: string;
  Portal_Registration_Source__c: string;
}
