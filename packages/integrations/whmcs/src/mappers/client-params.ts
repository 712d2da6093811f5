import { type Address, type NewBillingClient } from "@portal/domain";
import { type WhmcsParams } from "../raw/params.js";
import { customerNumberNote } from "./customer-number-note.js";
import { encodeCustomFields, type WhmcsCustomFieldIds } from "./custom-fields.js";

/** The profile fields the portal may change on a WHMCS client (UpdateClient). */
export type BillingClientPatch = Partial<{
  firstName: string;
  lastName: string;
  /** Katakana readings, kept in client custom fields. */
  lastNameKana: string;
  firstNameKana: string;
  phone: string;
  email: string;
  address: Address;
}>;

/**
 * AddClient parameters for a portal signup. `password2` is required by WHMCS 8 when no
 * `owner_user_id` is given (even with `skipvalidation`); the caller passes a random secret that is
 * never stored or shown, so WHMCS login stays unusable and the customer reaches WHMCS only through
 * single sign-on. `skipvalidation` lifts the admin-configured required fields, `noemail` suppresses
 * the WHMCS welcome email (the portal sends its own). The currency is left to the WHMCS default.
 * The katakana readings go in `customfields` (the fields `fieldIds` names).
 * Source: WHMCS/developer-docs api-reference/addclient.md.
 */
export function toAddClientParams(
  input: NewBillingClient,
  password: string,
  fieldIds: WhmcsCustomFieldIds,
): WhmcsParams {
  return {
    firstname: input.firstName,
    lastname: input.lastName,
    email: input.email,
    phonenumber: input.phone,
    ...addressParams(input.address),
    customfields: readingsParam(input, fieldIds),
    password2: password,
    notes: customerNumberNote(input.customerNumber),
    skipvalidation: "true",
    noemail: "true",
  };
}

/**
 * UpdateClient parameters for a profile change; only the fields present in `patch` are sent.
 * An address is sent whole (an empty building clears `address2`); the readings present go in
 * `customfields` (WHMCS leaves the custom fields not in the array as they are).
 * Source: WHMCS/developer-docs api-reference/updateclient.md.
 */
export function toUpdateClientParams(
  patch: BillingClientPatch,
  fieldIds: WhmcsCustomFieldIds,
): WhmcsParams {
  return {
    firstname: patch.firstName,
    lastname: patch.lastName,
    email: patch.email,
    phonenumber: patch.phone,
    ...(patch.address ? addressParams(patch.address) : {}),
    customfields: readingsParam(patch, fieldIds),
  };
}

/** `customfields` for the readings present in `names`, or undefined when there are none. */
function readingsParam(
  names: Pick<BillingClientPatch, "lastNameKana" | "firstNameKana">,
  fieldIds: WhmcsCustomFieldIds,
): string | undefined {
  const values = new Map<number, string>();
  if (names.lastNameKana !== undefined) values.set(fieldIds.lastNameKana, names.lastNameKana);
  if (names.firstNameKana !== undefined) values.set(fieldIds.firstNameKana, names.firstNameKana);
  return values.size === 0 ? undefined : encodeCustomFields(values);
}

function addressParams(address: Address): WhmcsParams {
  return {
    address1: address.street,
    address2: address.building,
    city: address.city,
    state: address.prefecture,
    postcode: address.postcode,
    country: address.country,
  };
}
