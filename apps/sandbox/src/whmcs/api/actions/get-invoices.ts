import { utcDate } from "../../../server/clock.js";
import type { WhmcsInvoice } from "../../state/whmcs-state.js";
import { isOverdue } from "../../overdue.js";
import { intParam, textParam } from "../action-params.js";
import { invoiceRow } from "../wire-format.js";
import type { WhmcsAction } from "../whmcs-action.js";

type SortKey = (invoice: WhmcsInvoice) => string | number;

const BY_DUE_DATE: SortKey = (invoice) => invoice.duedate;

/** `orderby` values and the invoice field each sorts on. */
const ORDER_FIELDS: Record<string, SortKey> = {
  id: (invoice) => invoice.id,
  invoicenumber: (invoice) => invoice.invoicenum,
  date: (invoice) => invoice.date,
  duedate: BY_DUE_DATE,
  total: (invoice) => Number(invoice.total),
  status: (invoice) => invoice.status,
};

/**
 * GetInvoices: invoices filtered by `userid` and `status` (a stored status, case-insensitive,
 * or "Overdue" = Unpaid with a due date before today, UTC), sorted by `orderby` (id,
 * invoicenumber, date, duedate, total, status; default duedate) in `order` (asc/desc, default
 * desc; ties by id in the same direction), paged by `limitstart` (default 0) and `limitnum`
 * (default 25). `totalresults` counts every match. Each row carries the owner's names and
 * currency (`currencycode`, `currencyprefix`, `currencysuffix`).
 * Source: WHMCS/developer-docs api-reference/getinvoices.md.
 */
export const getInvoices: WhmcsAction = (params, context) => {
  const userId = intParam(params, "userid");
  const status = textParam(params, "status")?.toLowerCase();
  const orderBy = ORDER_FIELDS[textParam(params, "orderby")?.toLowerCase() ?? ""] ?? BY_DUE_DATE;
  const direction = textParam(params, "order")?.toLowerCase() === "asc" ? 1 : -1;
  const start = intParam(params, "limitstart") ?? 0;
  const limit = intParam(params, "limitnum") ?? 25;
  const today = utcDate(context.clock());
  const { clients, invoices } = context.store.state;

  const matching = invoices
    .filter((invoice) => userId === undefined || invoice.userid === userId)
    .filter((invoice) => {
      if (status === undefined) return true;
      if (status === "overdue") return isOverdue(invoice, today);
      return invoice.status.toLowerCase() === status;
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
    invoices: {
      invoice: page.map((invoice) =>
        invoiceRow(
          invoice,
          clients.find((client) => client.id === invoice.userid),
        ),
      ),
    },
  };
};
