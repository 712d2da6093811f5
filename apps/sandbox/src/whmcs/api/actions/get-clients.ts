import { intParam, textParam } from "../action-params.js";
import { clientRow } from "../wire-format.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * GetClients: clients whose email, first name, last name, full name or company name starts
 * with `search` (case-insensitive), optionally of one `status`, ordered by id (`sorting`
 * ASC/DESC, default ASC), paged by `limitstart` (default 0) and `limitnum` (default 25).
 * Answers `{ totalresults, startnumber, numreturned, clients: { client: [...] } }`.
 * Source: WHMCS/developer-docs api-reference/getclients.md.
 */
export const getClients: WhmcsAction = (params, context) => {
  const search = textParam(params, "search")?.toLowerCase();
  const status = textParam(params, "status")?.toLowerCase();
  const descending = textParam(params, "sorting")?.toUpperCase() === "DESC";
  const start = intParam(params, "limitstart") ?? 0;
  const limit = intParam(params, "limitnum") ?? 25;

  const matching = context.store.state.clients
    .filter((client) => status === undefined || client.status.toLowerCase() === status)
    .filter((client) => {
      if (search === undefined) return true;
      const fields = [
        client.email,
        client.firstname,
        client.lastname,
        `${client.firstname} ${client.lastname}`,
        client.companyname,
      ];
      return fields.some((field) => field.toLowerCase().startsWith(search));
    })
    .sort((a, b) => (descending ? b.id - a.id : a.id - b.id));
  const page = matching.slice(start, start + limit);
  return {
    result: "success",
    totalresults: matching.length,
    startnumber: start,
    numreturned: page.length,
    clients: { client: page.map(clientRow) },
  };
};
