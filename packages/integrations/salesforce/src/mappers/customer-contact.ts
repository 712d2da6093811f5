import type { ContactDetails, CustomerContact } from "@portal/domain";
import type { RawContact, RawContactDetails } from "../raw/contact.js";

/**
 * Salesforce Contact → `CustomerContact`. `FirstName` is optional in Salesforce (a contact may carry
 * only a last name), so an empty first name becomes `""`; empty `Email` / `Phone` and readings stay null.
 * Source: Salesforce Object Reference, "Contact".
 */
export function toCustomerContact(raw: RawContact): CustomerContact {
  return {
    id: raw.Id,
    accountId: raw.AccountId,
    firstName: raw.FirstName ?? "",
    lastName: raw.LastName,
    lastNameKana: raw.LastNameKana__c,
    firstNameKana: raw.FirstNameKana__c,
    email: raw.Email,
    phone: raw.Phone,
  };
}

/**
 * `ContactDetails` → the Contact fields written: names, the katakana readings in
 * `LastNameKana__c` / `FirstNameKana__c`, phone. Source: Salesforce Object Reference "Contact";
 * docs/setup/real-systems.md (the custom fields).
 */
export function toRawContactDetails(details: ContactDetails): RawContactDetails {
  return {
    FirstName: details.firstName,
    LastName: details.lastName,
    LastNameKana__c: details.lastNameKana,
    FirstNameKana__c: details.firstNameKana,
    Phone: details.phone,
  };
}
