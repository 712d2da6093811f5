import { z } from "zod";

/** Whether a CRM account has a portal user (Salesforce `Portal_Status__c`: `Not Yet` / `Active`). */
export const portalStatusSchema = z.enum(["not_yet", "active"]);
export type PortalStatus = z.infer<typeof portalStatusSchema>;

/**
 * The customer's CRM account (Salesforce Account), as the portal uses it.
 * - `id`: Salesforce Account Id (18 characters).
 * - `customerNumber`: `SF_Account_No__c`.
 * - `billingClientId`: `WH_Account__c`, the WHMCS client id, null until linked.
 * - `registrationSource`: `Portal_Registration_Source__c`.
 * Source: DESIGN.md §4 "Salesforce objects and fields".
 */
export const customerAccountSchema = z.object({
  id: z.string(),
  customerNumber: z.string(),
  name: z.string(),
  portalStatus: portalStatusSchema,
  billingClientId: z.number().int().positive().nullable(),
  registrationSource: z.string().nullable(),
});
export type CustomerAccount = z.infer<typeof customerAccountSchema>;

/**
 * The account's contact person (Salesforce Contact); `lastNameKana` / `firstNameKana` are the
 * katakana readings (`LastNameKana__c` / `FirstNameKana__c`), null when not recorded.
 */
export const customerContactSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  lastNameKana: z.string().nullable(),
  firstNameKana: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type CustomerContact = z.infer<typeof customerContactSchema>;

/**
 * What the portal writes to the customer's Contact (WHMCS stays authoritative; this is the copy
 * Salesforce users work with): names, their katakana readings and phone.
 */
export const contactDetailsSchema = z.object({
  firstName: z.string(),
  lastName: z.string().min(1),
  lastNameKana: z.string(),
  firstNameKana: z.string(),
  phone: z.string(),
});
export type ContactDetails = z.infer<typeof contactDetailsSchema>;
