import { type ValidateLoginResponse } from "../raw/validate-login.js";

/**
 * The WHMCS client a successful ValidateLogin proves ownership of, or null when the credentials
 * are a sub-account's (`contactid` set and non-zero): a sub-account may act for the client in
 * WHMCS, but only the owner's login proves the customer is who the portal account will belong to.
 * Source: WHMCS/developer-docs api-reference/validatelogin.md ("contactid: Contact ID if
 * credentials match with a Sub-Account").
 */
export function toValidatedClientId(raw: ValidateLoginResponse): number | null {
  if (raw.contactid !== undefined && raw.contactid !== 0) {
    return null;
  }
  return raw.userid > 0 ? raw.userid : null;
}
