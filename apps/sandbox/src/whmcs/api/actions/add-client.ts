import { randomUUID } from "node:crypto";
import { utcDate } from "../../../server/clock.js";
import type { WhmcsClient } from "../../state/whmcs-state.js";
import { hashPassword } from "../../client-area/passwords.js";
import { CURRENCIES } from "../../currencies.js";
import { flagParam, intParam, textParam, type ActionParams } from "../action-params.js";
import { WhmcsActionError } from "../action-error.js";
import type { WhmcsAction } from "../whmcs-action.js";

/** Required fields and the message WHMCS gives when one is missing (unless `skipvalidation`). */
const REQUIRED_FIELDS: readonly [string, string][] = [
  ["firstname", "You did not enter your first name"],
  ["lastname", "You did not enter your last name"],
  ["email", "You did not enter your email address"],
  ["address1", "You did not enter your  address line 1"],
  ["city", "You did not enter your city"],
  ["state", "You did not enter your state"],
  ["postcode", "You did not enter your postcode"],
  ["country", "You did not enter your country"],
  ["phonenumber", "You did not enter your phone number"],
];

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The duplicate-address refusal of WHMCS 8, where clients' emails are users' logins. */
export const DUPLICATE_EMAIL_MESSAGE = "A user already exists with that email address";

/**
 * AddClient: creates a client and answers `{ result, clientid }` (id as a string).
 * Refuses missing required fields (unless `skipvalidation`), an invalid email and an email
 * already used by another client. Source: WHMCS/developer-docs api-reference/addclient.md.
 */
export const addClient: WhmcsAction = async (params, context) => {
  if (!flagParam(params, "skipvalidation")) {
    for (const [field, message] of REQUIRED_FIELDS) {
      if (textParam(params, field) === undefined) throw new WhmcsActionError(message);
    }
  }
  const email = textParam(params, "email");
  if (email === undefined) throw new WhmcsActionError("You did not enter your email address");
  if (!EMAIL_PATTERN.test(email))
    throw new WhmcsActionError("The email address you entered was not valid");
  const clients = context.store.state.clients;
  if (clients.some((client) => client.email.toLowerCase() === email.toLowerCase())) {
    throw new WhmcsActionError(DUPLICATE_EMAIL_MESSAGE);
  }
  const password = textParam(params, "password2");
  const currencyId = intParam(params, "currency");
  const client: WhmcsClient = {
    id: clients.reduce((max, existing) => Math.max(max, existing.id), 0) + 1,
    uuid: randomUUID(),
    firstname: text(params, "firstname"),
    lastname: text(params, "lastname"),
    companyname: text(params, "companyname"),
    email,
    address1: text(params, "address1"),
    address2: text(params, "address2"),
    city: text(params, "city"),
    state: text(params, "state"),
    postcode: text(params, "postcode"),
    country: text(params, "country").toUpperCase(),
    phonenumber: text(params, "phonenumber"),
    tax_id: text(params, "tax_id"),
    currency:
      CURRENCIES.some((currency) => currency.id === currencyId) && currencyId !== undefined
        ? currencyId
        : 1,
    groupid: intParam(params, "groupid") ?? 0,
    language: text(params, "language"),
    notes: text(params, "notes"),
    status: "Active",
    datecreated: utcDate(context.clock()),
    marketingoptin: flagParam(params, "marketingoptin"),
    passwordHash: password === undefined ? null : hashPassword(password),
  };
  await context.store.mutate((state) => state.clients.push(client));
  return { result: "success", clientid: String(client.id) };
};

function text(params: ActionParams, name: string): string {
  return textParam(params, name) ?? "";
}
