import { utcDate } from "../../../server/clock.js";
import { currencyById } from "../../currencies.js";
import { fromHundredths, toHundredths } from "../../decimal-money.js";
import { isOverdue } from "../../overdue.js";
import type { WhmcsClient, WhmcsInvoice, WhmcsState } from "../../state/whmcs-state.js";
import { flagParam, intParam, textParam } from "../action-params.js";
import { WhmcsActionError } from "../action-error.js";
import { clientDetails, invoiceBalance, type WireValue } from "../wire-format.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * GetClientsDetails: one client by `clientid` or `email`, answered as `{ client }` and, with
 * `stats`, `{ stats }`: invoice counts and amounts by status (amounts formatted with the
 * client's currency, e.g. `"¥11660.00 JPY"`), income, and zero for what the sandbox does not
 * model (products, domains, quotes, tickets, affiliates).
 * Source: WHMCS/developer-docs api-reference/getclientsdetails.md.
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
  const answer = { result: "success" as const, client: clientDetails(client) };
  if (!flagParam(params, "stats")) return answer;
  return { ...answer, stats: clientStats(client, context.store.state, utcDate(context.clock())) };
};

function clientStats(
  client: WhmcsClient,
  state: WhmcsState,
  today: string,
): Record<string, WireValue> {
  const currency = currencyById(client.currency);
  const money = (hundredths: number): string =>
    `${currency.prefix}${fromHundredths(hundredths)}${currency.suffix}`;
  const invoices = state.invoices.filter((invoice) => invoice.userid === client.id);
  const group = (keep: (invoice: WhmcsInvoice) => boolean, amount = invoiceBalanceHundredths) => {
    const matching = invoices.filter(keep);
    return {
      count: matching.length,
      amount: money(matching.reduce((sum, invoice) => sum + amount(invoice), 0)),
    };
  };
  const total = (invoice: WhmcsInvoice): number => toHundredths(invoice.total);
  const byStatus = (status: WhmcsInvoice["status"]) => (invoice: WhmcsInvoice) =>
    invoice.status === status;
  const unpaid = group(byStatus("Unpaid"));
  const overdue = group((invoice) => isOverdue(invoice, today));
  const draft = group(byStatus("Draft"));
  const paid = group(byStatus("Paid"), total);
  const cancelled = group(byStatus("Cancelled"), total);
  const refunded = group(byStatus("Refunded"), total);
  const collections = group(byStatus("Collections"));
  const pending = group(byStatus("Payment Pending"));
  const income = money(
    invoices
      .flatMap((invoice) => invoice.transactions)
      .reduce((sum, transaction) => sum + toHundredths(transaction.amountin), 0),
  );
  return {
    numdueinvoices: unpaid.count,
    dueinvoicesbalance: unpaid.amount,
    incredit: false,
    creditbalance: money(0),
    grossRevenue: income,
    expenses: money(0),
    income,
    numoverdueinvoices: overdue.count,
    overdueinvoicesbalance: overdue.amount,
    numDraftInvoices: draft.count,
    draftInvoicesBalance: draft.amount,
    numunpaidinvoices: unpaid.count,
    unpaidinvoicesamount: unpaid.amount,
    numpaidinvoices: paid.count,
    paidinvoicesamount: paid.amount,
    numcancelledinvoices: cancelled.count,
    cancelledinvoicesamount: cancelled.amount,
    numrefundedinvoices: refunded.count,
    refundedinvoicesamount: refunded.amount,
    numcollectionsinvoices: collections.count,
    collectionsinvoicesamount: collections.amount,
    numpaymentpendinginvoices: pending.count,
    paymentpendinginvoicesamount: pending.amount,
    productsnumactivehosting: 0,
    productsnumhosting: 0,
    productsnumactivereseller: 0,
    productsnumreseller: 0,
    productsnumactiveservers: 0,
    productsnumservers: 0,
    productsnumactiveother: 0,
    productsnumother: 0,
    productsnumactive: 0,
    productsnumtotal: 0,
    numactivedomains: 0,
    numdomains: 0,
    numacceptedquotes: 0,
    numquotes: 0,
    numtickets: 0,
    numactivetickets: 0,
    numaffiliatesignups: 0,
    isAffiliate: false,
  };
}

function invoiceBalanceHundredths(invoice: WhmcsInvoice): number {
  return toHundredths(invoiceBalance(invoice));
}
