import { PORTAL_STATUS_ACTIVE, type RawAccountPortalLink } from "../raw/account.js";

/** What the portal records on the Account once the customer's portal user and WHMCS client exist. */
export interface AccountPortalLink {
  /** WHMCS client id (positive integer). */
  billingClientId: number;
  /** Where the registration came from, e.g. `"Portal Signup"`; written to `Portal_Registration_Source__c`. */
  registrationSource: string;
}

/**
 * `AccountPortalLink` → the Account PATCH body: `Portal_Status__c = "Active"`, the WHMCS client id as
 * text in `WH_Account__c`, and `Portal_Registration_Source__c`. Source: DESIGN.md §4.
 */
export function toRawAccountPortalLink(link: AccountPortalLink): RawAccountPortalLink {
  return {
    Portal_Status__c: PORTAL_STATUS_ACTIVE,
    WH_Account__c: String(link.billingClientId),
    Portal_Registration_Source__c: link.registrationSource,
  };
}
