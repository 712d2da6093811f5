import type { CustomerAccount } from "@portal/domain";
import { PORTAL_STATUS_ACTIVE, type RawAccount } from "../raw/account.js";
import { toBillingClientId } from "./billing-client-id.js";

/**
 * Salesforce Account → `CustomerAccount`.
 * - `Portal_Status__c`: `Active` → `active`; `Not Yet`, any other value or empty → `not_yet`
 *   (only `Active` proves a portal user exists).
 * - `WH_Account__c` (text) → the WHMCS client id, or null when empty or not a positive integer.
 * Source: DESIGN.md §4 "Salesforce objects and fields".
 */
export function toCustomerAccount(raw: RawAccount): CustomerAccount {
  return {
    id: raw.Id,
    customerNumber: raw.SF_Account_No__c,
    name: raw.Name,
    portalStatus: raw.Portal_Status__c === PORTAL_STATUS_ACTIVE ? "active" : "not_yet",
    billingClientId: toBillingClientId(raw.WH_Account__c),
    registrationSource: raw.Portal_Registration_Source__c,
  };
}
