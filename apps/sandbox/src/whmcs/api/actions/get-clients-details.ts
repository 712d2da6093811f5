import { intParam, textParam } from "../action-params.js";
import { WhmcsActionError } from "../action-error.js";
import { clientDetails } from "../wire-format.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * GetClientsDetails: one client by `clientid` or `email`. The details appear both under
 * `client` and at the top level of the answer (WHMCS keeps the old flat layout alongside).
 * `stats` is not modelled. Source: WHMCS/developer-docs api-reference/getclientsdetails.md.
 */
export const getClientsDetails: WhmcsAction = (params, context) => {
  const clientId = intParam(params, "clientid");
  const email = textParam(params, "email")?.toLowerCase();
  if (clientId === undefined && email === undefined) {
    throw new WhmcsActionError("Either clientid Or email Is Required");
  }
  const client = context.store.state.clients.find((candidate) =>
    clientId !== undefined ? candidate.id === clientId : candidate.email.toLowerCase() === email,
  );
  if (!client) throw new WhmcsActionError("Client Not Found");
  const details = clientDetails(client);
  return { result: "success", ...details, client: details };
};
