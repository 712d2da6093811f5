import { type Address, type NewBillingClient } from "@portal/domain";
import { type WhmcsParams } from "../raw/params.js";
import { customerNumberNote } from "./customer-number-note.js";

/** The profile fields the portal may change on a WHMCS client (UpdateClient). */
export type BillingClientPatch = Partial<{
  firstName: string;
  lastName: string;
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
 * Source: WHMCS/developer-docs api-reference/addclient.md.
 */
export function toAddClientParams(input: NewBillingClient, password: string): WhmcsParams {
  return {
    firstname: input.firstName,
    lastname: input.lastName,
    email: input.email,
    phonenumber: input.phone,
    ...addressParams(input.address),
    password2: password,
    notes: customerNumberNote(input.customerNumber),
    skipvalidation: "true",
    noemail: "true",
  };
}

/**
 * UpdateClient parameters for a profile change; only the fields present in `patch` are sent.
 * An address is sent whole (an empty building clears `address2`).
 * Source: WHMCS/developer-docs api-reference/updateclient.md.
 */
export function toUpdateClientParams(patch: BillingClientPatch): WhmcsParams {
  return {
    firstname: patch.firstName,
    lastname: patch.lastName,
    email: patch.email,
    phonenumber: patch.phone,
    ...(patch.address ? addressParams(patch.address) : {}),
  };
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
