import { randomUUID } from "node:crypto";
import { utcDate } from "../../../server/clock.js";
import { hashPassword } from "../../client-area/passwords.js";
import { CURRENCIES } from "../../currencies.js";
import { readCustomFieldsParam } from "../../custom-fields/client-custom-fields.js";
import type { WhmcsClient } from "../../state/whmcs-state.js";
import { flagParam, intParam, textParam, type ActionParams } from "../action-params.js";
import { WhmcsActionError } from "../action-error.js";
import { isValidEmail } from "../email-address.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * Required fields in the order WHMCS checks them and the message it gives when one is missing
 * (skipped with `skipvalidation`). `email` is checked separately. `country` must be a 2-letter
 * ISO code ("Valid country required").
 */
const REQUIRED_FIELDS: readonly [string, string][] = [
  ["firstname", "You did not enter your first name"],
  ["lastname", "You did not enter your last name"],
  ["address1", "You did not enter your  address line 1"],
  ["city", "You did not enter your city"],
  ["state", "You did not enter your state"],
  ["postcode", "You did not enter your postcode"],
];

/** The duplicate-address refusal of WHMCS 8 when a new owner user would be created. */
export const DUPLICATE_EMAIL_MESSAGE = "A user already exists with that email address";

/** The duplicate-address refusal when the client joins an existing owner user. */
const EMAIL_NOT_AVAILABLE_MESSAGE = "The email address entered is not available for use.";

/**
 * The refusal when no `owner_user_id` is given and `password2` is missing. The reference lists
 * no wording for it; this is an assumption (docs/decisions/0020-whmcs-reference-conformance.md).
 */
export const PASSWORD_REQUIRED_MESSAGE = "You did not enter a password";

/**
 * AddClient (WHMCS 8): creates a client and answers `{ result, clientid }` (the id as a string,
 * as the current example shows). Without `owner_user_id` a new owner user is created, so `email`
 * (valid, not used by any user) and `password2` are required even with `skipvalidation`; with
 * `owner_user_id` the user must exist ("Invalid Owner User ID") and the client's email must be
 * free. Other fields are required unless `skipvalidation`: names, address, city, state,
 * postcode, a 2-letter `country`, `phonenumber`. `customfields` (base64 of a PHP-serialized
 * `{fieldId => value}`) sets the client custom fields that exist (`custom-fields/`). The
 * sandbox's users are its clients' owners, with the client's id.
 * Source: WHMCS/developer-docs api-reference/addclient.md (8.0 `owner_user_id`).
 */
export const addClient: WhmcsAction = async (params, context) => {
  const clients = context.store.state.clients;
  const ownerUserId = intParam(params, "owner_user_id");
  if (params.owner_user_id !== undefined && params.owner_user_id.trim() !== "") {
    if (!clients.some((client) => client.id === ownerUserId)) {
      throw new WhmcsActionError("Invalid Owner User ID");
    }
  }
  const newUser = ownerUserId === undefined;
  const skipValidation = flagParam(params, "skipvalidation");
  if (!skipValidation) {
    for (const [field, message] of REQUIRED_FIELDS.slice(0, 2)) {
      if (textParam(params, field) === undefined) throw new WhmcsActionError(message);
    }
  }
  const email = textParam(params, "email");
  if (!skipValidation || newUser) {
    if (email === undefined) throw new WhmcsActionError("You did not enter your email address");
    if (!isValidEmail(email))
      throw new WhmcsActionError("The email address you entered was not valid");
  }
  if (!skipValidation) {
    for (const [field, message] of REQUIRED_FIELDS.slice(2)) {
      if (textParam(params, field) === undefined) throw new WhmcsActionError(message);
    }
    if (!/^[A-Za-z]{2}$/.test(textParam(params, "country") ?? "")) {
      throw new WhmcsActionError("Valid country required");
    }
    if (textParam(params, "phonenumber") === undefined) {
      throw new WhmcsActionError("You did not enter your phone number");
    }
    if (!/^[+\d][\d\s().-]*$/.test(textParam(params, "phonenumber") ?? "")) {
      throw new WhmcsActionError("Invalid telephone phone number");
    }
  }
  const password = textParam(params, "password2");
  if (newUser && password === undefined) throw new WhmcsActionError(PASSWORD_REQUIRED_MESSAGE);
  if (
    email !== undefined &&
    clients.some((client) => client.email.toLowerCase() === email.toLowerCase())
  ) {
    throw new WhmcsActionError(newUser ? DUPLICATE_EMAIL_MESSAGE : EMAIL_NOT_AVAILABLE_MESSAGE);
  }
  const owner = clients.find((client) => client.id === ownerUserId);
  const currencyId = intParam(params, "currency");
  const client: WhmcsClient = {
    id: clients.reduce((max, existing) => Math.max(max, existing.id), 0) + 1,
    uuid: randomUUID(),
    firstname: text(params, "firstname"),
    lastname: text(params, "lastname"),
    companyname: text(params, "companyname"),
    email: email ?? "",
    address1: text(params, "address1"),
    address2: text(params, "address2"),
    city: text(params, "city"),
    state: text(params, "state"),
    postcode: text(params, "postcode"),
    country: text(params, "country").toUpperCase(),
    phonenumber: text(params, "phonenumber"),
    tax_id: text(params, "tax_id"),
    currency:
      currencyId !== undefined && CURRENCIES.some((currency) => currency.id === currencyId)
        ? currencyId
        : 1,
    groupid: intParam(params, "groupid") ?? 0,
    language: text(params, "language"),
    notes: text(params, "notes"),
    status: "Active",
    datecreated: utcDate(context.clock()),
    marketingoptin: flagParam(params, "marketingoptin"),
    customfields: Object.fromEntries(
      [...readCustomFieldsParam(params)].map(([id, value]) => [String(id), value]),
    ),
    // A client joining an existing user signs in with that user's password.
    passwordHash: owner
      ? owner.passwordHash
      : password === undefined
        ? null
        : hashPassword(password),
  };
  await context.store.mutate((state) => state.clients.push(client));
  return { result: "success", clientid: String(client.id) };
};

function text(params: ActionParams, name: string): string {
  return textParam(params, name) ?? "";
}
