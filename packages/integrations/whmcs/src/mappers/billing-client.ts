import {
  addressSchema,
  billingClientSchema,
  type Address,
  type BillingClient,
} from "@portal/domain";
import { type WhmcsClientDetails } from "../raw/clients.js";
import { customerNumberFromNote } from "./customer-number-note.js";
import { customFieldValue, type WhmcsCustomFieldIds } from "./custom-fields.js";

const STATUS: Readonly<Record<WhmcsClientDetails["status"], BillingClient["status"]>> = {
  Active: "active",
  Inactive: "inactive",
  Closed: "closed",
};

/**
 * Maps GetClientsDetails `client` to the portal's billing profile. The currency is WHMCS
 * `currency_code` (ISO 4217); the address is read back as the portal wrote it (see
 * {@link toAddress}) and is null when WHMCS holds something else; `portalCustomerNumber` comes
 * from the note the portal writes at signup; the katakana readings from the client custom fields
 * `fieldIds` names (`""` when unset).
 * Source: WHMCS/developer-docs api-reference/getclientsdetails.md.
 * @throws ZodError when the client cannot form a valid profile (e.g. a non-ISO currency code).
 */
export function toBillingClient(
  raw: WhmcsClientDetails,
  fieldIds: WhmcsCustomFieldIds,
): BillingClient {
  return billingClientSchema.parse({
    id: raw.id,
    email: raw.email,
    firstName: raw.firstname,
    lastName: raw.lastname,
    lastNameKana: customFieldValue(raw.customfields, fieldIds.lastNameKana),
    firstNameKana: customFieldValue(raw.customfields, fieldIds.firstNameKana),
    phone: raw.phonenumber,
    address: toAddress(raw),
    currency: raw.currency_code,
    status: STATUS[raw.status],
    portalCustomerNumber: customerNumberFromNote(raw.notes),
  });
}

/**
 * Reads a WHMCS client address as a Japanese address: `postcode` → postcode, `state` →
 * prefecture, `city` → city, `address1` → street, `address2` → building, `countrycode` must be
 * `JP`. Returns null when any part does not satisfy the portal's address rules (e.g. a foreign
 * address or a prefecture spelled differently), so the portal asks the customer to re-enter it.
 * Source: @portal/domain address.ts (mapping to WHMCS AddClient fields).
 */
export function toAddress(
  raw: Pick<
    WhmcsClientDetails,
    "postcode" | "state" | "city" | "address1" | "address2" | "countrycode"
  >,
): Address | null {
  const parsed = addressSchema.safeParse({
    postcode: raw.postcode,
    prefecture: raw.state,
    city: raw.city,
    street: raw.address1,
    building: raw.address2,
    country: raw.countrycode,
  });
  return parsed.success ? parsed.data : null;
}
