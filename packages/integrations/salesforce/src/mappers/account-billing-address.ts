import { type Address } from "@portal/domain";

/** The Account's standard billing address fields the portal writes (Salesforce Object Reference, Account). */
export interface RawAccountBillingAddress {
  BillingPostalCode: string;
  BillingState: string;
  BillingCity: string;
  /** Street and building on two lines, as Salesforce's textarea `BillingStreet` holds them. */
  BillingStreet: string;
  BillingCountry: string;
}

/**
 * A portal address → the Account PATCH body: postcode (`150-0001`), prefecture (romanised, as
 * WHMCS holds it), city, street with the building on a second line (omitted when empty), and the
 * country code `JP`. Source: Salesforce Object Reference "Account" (compound field BillingAddress).
 */
export function toRawAccountBillingAddress(address: Address): RawAccountBillingAddress {
  return {
    BillingPostalCode: address.postcode,
    BillingState: address.prefecture,
    BillingCity: address.city,
    BillingStreet: address.building ? `${address.street}\n${address.building}` : address.street,
    BillingCountry: address.country,
  };
}
