import type { WhmcsClient } from "../../state/whmcs-state.js";
import { intParam, textParam } from "../action-params.js";
import { clientRow } from "../wire-format.js";
import type { WhmcsAction } from "../whmcs-action.js";

type SortKey = (client: WhmcsClient) => string | number;

const BY_ID: SortKey = (client) => client.id;

/** `orderby` values and the client field each sorts on (text case-insensitively). */
const ORDER_FIELDS: Record<string, SortKey> = {
  id: BY_ID,
  firstname: (client) => client.firstname.toLowerCase(),
  lastname: (client) => client.lastname.toLowerCase(),
  companyname: (client) => client.companyname.toLowerCase(),
  email: (client) => client.email.toLowerCase(),
  groupid: (client) => client.groupid,
  datecreated: (client) => client.datecreated,
  status: (client) => client.status,
};

/**
 * GetClients: clients whose email, first name, last name, full name or company name starts
 * with `search` (case-insensitive), optionally of one `status`, ordered by `orderby` (id,
 * firstname, lastname, companyname, email, groupid, datecreated, status; default and unknown
 * values: id; ties by id) in the `sorting` direction (ASC/DESC, default ASC), paged by
 * `limitstart` (default 0) and `limitnum` (default 25).
 * Answers `{ totalresults, startnumber, numreturned, clients: { client: [...] } }`.
 * Source: WHMCS/developer-docs api-reference/getclients.md.
 */
export const getClients: WhmcsAction = (params, context) => {
  const search = textParam(params, "search")?.toLowerCase();
  const status = textParam(params, "status")?.toLowerCase();
  const direction = textParam(params, "sorting")?.toUpperCase() === "DESC" ? -1 : 1;
  const orderBy = ORDER_FIELDS[textParam(params, "orderby")?.toLowerCase() ?? ""] ?? BY_ID;
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
    .sort((a, b) => {
      const left = orderBy(a);
      const right = orderBy(b);
      if (left !== right) return (left < right ? -1 : 1) * direction;
      return (a.id - b.id) * direction;
    });
  const page = matching.slice(start, start + limit);
  return {
    result: "success",
    totalresults: matching.length,
    startnumber: start,
    numreturned: page.length,
    clients: { client: page.map(clientRow) },
  };
};
