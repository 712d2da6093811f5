import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";
import { addressSchema } from "../customer/address.js";
import { internetOfferingTypeSchema } from "./internet-offering-type.js";

/**
 * Where the fibre eligibility check of the customer's address stands: `not_requested` (never
 * asked), `pending` (asked; staff are checking), `eligible` (the address qualifies for an
 * offering type), `ineligible` (no fibre service there).
 * Salesforce: `Internet_Eligibility_Status__c` `Not Requested`/`Pending`/`Eligible`/`Ineligible`.
 * Source: DESIGN.md §4 (Account); issue 7 "Internet eligibility".
 */
export const eligibilityStatusSchema = z.enum([
  "not_requested",
  "pending",
  "eligible",
  "ineligible",
]);
export type EligibilityStatus = z.infer<typeof eligibilityStatusSchema>;

/**
 * `GET /api/eligibility` (and the answer of `POST`): the status; the offering type (only when
 * `eligible`, else null); the address the check was asked for and when (ISO 8601 UTC), both null
 * when the portal did not ask (staff set it in Salesforce, or before the portal kept requests).
 */
export const eligibilitySchema = z.object({
  status: eligibilityStatusSchema,
  offeringType: internetOfferingTypeSchema.nullable(),
  requestedAddress: addressSchema.nullable(),
  requestedAt: isoDateTimeSchema.nullable(),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

/**
 * `POST /api/eligibility` body: the address to check ({@link addressSchema}); without it, the
 * customer's address on file in WHMCS (authoritative for addresses) is checked.
 */
export const eligibilityRequestSchema = z.object({ address: addressSchema.optional() }).strict();
export type EligibilityRequest = z.infer<typeof eligibilityRequestSchema>;
/** What the request form holds before parsing. */
export type EligibilityRequestInput = z.input<typeof eligibilityRequestSchema>;
