import {
  invoiceDetailSchema,
  invoiceSummarySchema,
  toMinorUnits,
  type InvoiceDetail,
  type InvoiceSummary,
  type Money,
} from "@portal/domain";
import {
  type GetInvoiceResponse,
  type WhmcsInvoiceItem,
  type WhmcsInvoiceRow,
  type WhmcsTransaction,
} from "../raw/invoices.js";
import { toInvoiceStatus } from "./invoice-status.js";
import { toPaymentChannel } from "./payment-method.js";
import { toOptionalDate, wallClockToUtc } from "./whmcs-time.js";

/** The invoice fields GetInvoices rows and GetInvoice answers share. */
type WhmcsInvoiceCore = Pick<
  WhmcsInvoiceRow,
  "invoicenum" | "date" | "duedate" | "datepaid" | "subtotal" | "tax" | "tax2" | "total" | "status"
>;

/**
 * Maps one GetInvoices row to the portal's invoice summary. Money is converted to integer minor
 * units of the row's `currencycode`; `tax` is WHMCS `tax` + `tax2` (first- and second-level tax);
 * `number` is `invoicenum`, or the id when WHMCS numbers invoices by id only; status "Unpaid" past
 * its due date becomes "overdue" relative to `today` (`YYYY-MM-DD` in the WHMCS server's zone).
 * Source: WHMCS/developer-docs api-reference/getinvoices.md.
 * @throws ZodError or Error when the row cannot form a valid summary (bad date, currency).
 */
export function toInvoiceSummary(row: WhmcsInvoiceRow, today: string): InvoiceSummary {
  return invoiceSummarySchema.parse(summaryFields(row.id, row, row.currencycode, today));
}

/**
 * Maps a GetInvoice answer to the portal's invoice detail. GetInvoice carries no currency, so the
 * caller passes the client's (`currency`, ISO 4217). Payments are the invoice's transactions, each
 * `amountin − amountout` (refunds are negative), timestamps read in the WHMCS server's `timeZone`.
 * A line's tax rate is the invoice's first-level `taxrate` when the line is `taxed`, else 0
 * (decision 0025: WHMCS has no per-line rate, and Japan has no second tax level).
 * Source: WHMCS/developer-docs api-reference/getinvoice.md, gettransactions.md.
 * @throws ZodError or Error when the answer cannot form a valid detail, including a `taxrate` that
 *   is not a whole percentage or a non-zero `taxrate2` (decision 0025).
 */
export function toInvoiceDetail(
  raw: GetInvoiceResponse,
  currency: string,
  today: string,
  timeZone: string,
): InvoiceDetail {
  const taxRate = lineTaxRate(raw);
  return invoiceDetailSchema.parse({
    ...summaryFields(raw.invoiceid, raw, currency, today),
    items: raw.items.map((item) => toInvoiceItem(item, currency, taxRate)),
    balance: money(raw.balance, currency),
    payments: raw.transactions.map((transaction) => toPayment(transaction, currency, timeZone)),
    notes: raw.notes,
  });
}

function summaryFields(
  id: number,
  raw: WhmcsInvoiceCore,
  currency: string,
  today: string,
): InvoiceSummary {
  return {
    id,
    number: raw.invoicenum.trim() || String(id),
    issuedOn: raw.date,
    dueOn: raw.duedate,
    paidOn: toOptionalDate(raw.datepaid),
    status: toInvoiceStatus(raw.status, raw.duedate, today),
    subtotal: money(raw.subtotal, currency),
    tax: {
      amount: toMinorUnits(raw.tax, currency) + toMinorUnits(raw.tax2, currency),
      currency,
    },
    total: money(raw.total, currency),
  };
}

/**
 * The rate of every taxed line of the invoice: WHMCS applies its tax levels to all taxed lines
 * alike, so the first level is the rate and a second level would tax the same lines twice, which
 * Japanese consumption tax never does (decision 0025).
 */
function lineTaxRate(raw: Pick<GetInvoiceResponse, "invoiceid" | "taxrate" | "taxrate2">): number {
  const rate = Number(raw.taxrate);
  if (!Number.isInteger(rate)) {
    throw new Error(`Invoice ${raw.invoiceid} has tax rate ${raw.taxrate}, not a whole percentage`);
  }
  if (Number(raw.taxrate2) !== 0) {
    throw new Error(
      `Invoice ${raw.invoiceid} has a second tax level (${raw.taxrate2} %), which Japanese consumption tax does not have`,
    );
  }
  return rate;
}

function toInvoiceItem(item: WhmcsInvoiceItem, currency: string, taxRate: number) {
  return {
    id: item.id,
    description: item.description,
    amount: money(item.amount, currency),
    taxed: item.taxed,
    taxRate: item.taxed ? taxRate : 0,
  };
}

function toPayment(transaction: WhmcsTransaction, currency: string, timeZone: string) {
  return {
    transactionId: transaction.transid,
    paidAt: wallClockToUtc(transaction.date, timeZone),
    method: toPaymentChannel(transaction.gateway),
    amount: {
      amount:
        toMinorUnits(transaction.amountin, currency) -
        toMinorUnits(transaction.amountout, currency),
      currency,
    },
  };
}

function money(decimal: string, currency: string): Money {
  return { amount: toMinorUnits(decimal, currency), currency };
}
