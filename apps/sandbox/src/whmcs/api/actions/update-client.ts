import { readCustomFieldsParam } from "../../custom-fields/client-custom-fields.js";
import { whmcsClientSchema, type WhmcsClient } from "../../state/whmcs-state.js";
import { CURRENCIES } from "../../currencies.js";
import { flagParam, intParam, textParam } from "../action-params.js";
import { WhmcsActionError } from "../action-error.js";
import { isValidEmail } from "../email-address.js";
import type { WhmcsAction } from "../whmcs-action.js";

/** Text fields UpdateClient changes when they are passed (an empty value clears them). */
const TEXT_FIELDS = [
  "firstname",
  "lastname",
  "companyname",
  "address1",
  "address2",
  "city",
  "state",
  "postcode",
  "phonenumber",
  "tax_id",
  "language",
  "notes",
] as const;

/**
 * UpdateClient: changes the passed fields of the client named by `clientid` or `clientemail`
 * and answers `{ result, clientid }` (a string, as the example shows). Refuses an unknown client
 * ("Client ID Not Found"), an invalid email ("The email address entered is not valid") and an
 * email another client uses ("Duplicate Email Address"). `customfields` (base64 of a
 * PHP-serialized `{fieldId => value}`) changes the custom fields it names and leaves the others.
 * `password2` and the security question moved to users in WHMCS 8 and are ignored.
 * Source: WHMCS/developer-docs api-reference/updateclient.md.
 */
export const updateClient: WhmcsAction = async (params, context) => {
  const clientId = intParam(params, "clientid");
  const clientEmail = textParam(params, "clientemail")?.toLowerCase();
  const clients = context.store.state.clients;
  const client = clients.find((candidate) =>
    clientId !== undefined
      ? candidate.id === clientId
      : candidate.email.toLowerCase() === clientEmail,
  );
  if (!client || (clientId === undefined && clientEmail === undefined)) {
    throw new WhmcsActionError("Client ID Not Found");
  }

  const changes: Partial<WhmcsClient> = {};
  for (const field of TEXT_FIELDS) {
    const value = params[field];
    if (value !== undefined) changes[field] = value.trim();
  }
  const email = textParam(params, "email");
  if (email !== undefined) {
    if (!isValidEmail(email)) throw new WhmcsActionError("The email address entered is not valid");
    if (
      clients.some(
        (other) => other.id !== client.id && other.email.toLowerCase() === email.toLowerCase(),
      )
    ) {
      throw new WhmcsActionError("Duplicate Email Address");
    }
    changes.email = email;
  }
  const country = textParam(params, "country");
  if (country !== undefined) changes.country = country.toUpperCase();
  const currency = intParam(params, "currency");
  if (currency !== undefined && CURRENCIES.some((candidate) => candidate.id === currency))
    changes.currency = currency;
  const groupId = intParam(params, "groupid");
  if (groupId !== undefined) changes.groupid = groupId;
  const status = textParam(params, "status");
  if (status !== undefined) {
    const parsed = whmcsClientSchema.shape.status.safeParse(status);
    if (!parsed.success) throw new WhmcsActionError(`Invalid status: ${status}`);
    changes.status = parsed.data;
  }
  if (params.marketingoptin !== undefined)
    changes.marketingoptin = flagParam(params, "marketingoptin");

  const customFields = readCustomFieldsParam(params);
  if (customFields.size > 0) {
    changes.customfields = {
      ...client.customfields,
      ...Object.fromEntries([...customFields].map(([id, value]) => [String(id), value])),
    };
  }

  await context.store.mutate(() => Object.assign(client, changes));
  return { result: "success", clientid: String(client.id) };
};
