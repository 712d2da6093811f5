import type { CustomerContact } from "@portal/domain";
import type { RawContact } from "../raw/contact.js";

/**
 * Salesforce Contact → `CustomerContact`. `FirstName` is optional in Salesforce (a contact may carry
 * only a last name), so an empty first name becomes `""`; empty `Email` / `Phone` stay null.
 * Source: Salesforce Object Reference, "Contact".
 */
export function toCustomerContact(raw: RawContact): CustomerContact {
  return {
    id: raw.Id,
    accountId: raw.AccountId,
    firstName: raw.FirstName ?? "",
    lastName: raw.LastName,
    email: raw.Email,
    phone: raw.Phone,
  };
}
