import { z } from "zod";
import {
  whmcsDateSchema,
  whmcsDateTimeSchema,
  whmcsDecimalSchema,
  whmcsFlagSchema,
  whmcsIntSchema,
  whmcsWrappedListSchema,
} from "./scalars.js";

/*
 * Invoice actions. Source: WHMCS/developer-docs api-reference/getinvoices.md, getinvoice.md,
 * gettransactions.md (transaction rows).
 */

/** Invoice statuses WHMCS stores ("Overdue" is only a GetInvoices filter, never a stored status). */
export const whmcsInvoiceStatusSchema = z.enum([
  "Draft",
  "Unpaid",
  "Paid",
  "Cancelled",
  "Refunded",
  "Collections",
  "Payment Pending",
]);
export type WhmcsInvoiceStatus = z.infer<typeof whmcsInvoiceStatusSchema>;

/** GetInvoices `status` filter values: the stored statuses plus "Overdue". */
export type WhmcsInvoiceStatusFilter = WhmcsInvoiceStatus | "Overdue";

/** One row of GetInvoices `invoices.invoice[]`. */
export const whmcsInvoiceRowSchema = z.object({
  id: whmcsIntSchema,
  userid: whmcsIntSchema,
  invoicenum: z.string(),
  date: whmcsDateSchema,
  duedate: whmcsDateSchema,
  datepaid: whmcsDateTimeSchema,
  subtotal: whmcsDecimalSchema,
  credit: whmcsDecimalSchema,
  tax: whmcsDecimalSchema,
  tax2: whmcsDecimalSchema,
  total: whmcsDecimalSchema,
  status: whmcsInvoiceStatusSchema,
  paymentmethod: z.string(),
  notes: z.string(),
  currencycode: z.string(),
});
export type WhmcsInvoiceRow = z.output<typeof whmcsInvoiceRowSchema>;

/** GetInvoices answer. */
export const getInvoicesResponseSchema = z.object({
  totalresults: whmcsIntSchema,
  startnumber: whmcsIntSchema.optional(),
  numreturned: whmcsIntSchema.optional(),
  invoices: whmcsWrappedListSchema("invoice", whmcsInvoiceRowSchema),
});
export type GetInvoicesResponse = z.output<typeof getInvoicesResponseSchema>;

/** One line of GetInvoice `items.item[]`. */
export const whmcsInvoiceItemSchema = z.object({
  id: whmcsIntSchema,
  type: z.string(),
  relid: whmcsIntSchema,
  description: z.string(),
  amount: whmcsDecimalSchema,
  taxed: whmcsFlagSchema,
});
export type WhmcsInvoiceItem = z.output<typeof whmcsInvoiceItemSchema>;

/**
 * One payment of GetInvoice `transactions.transaction[]` (shape of GetTransactions rows):
 * `amountin` is money received, `amountout` money refunded.
 */
export const whmcsTransactionSchema = z.object({
  id: whmcsIntSchema,
  userid: whmcsIntSchema.optional(),
  gateway: z.string(),
  date: whmcsDateTimeSchema,
  description: z.string().optional(),
  amountin: whmcsDecimalSchema,
  fees: whmcsDecimalSchema.optional(),
  amountout: whmcsDecimalSchema,
  transid: z.string(),
  invoiceid: whmcsIntSchema.optional(),
});
export type WhmcsTransaction = z.output<typeof whmcsTransactionSchema>;

/**
 * GetInvoice answer (no currency field: the caller supplies the client's currency). `taxrate` and
 * `taxrate2` are the percentages of WHMCS's first and second tax level (`"10.00"`).
 */
export const getInvoiceResponseSchema = z.object({
  invoiceid: whmcsIntSchema,
  invoicenum: z.string(),
  userid: whmcsIntSchema,
  date: whmcsDateSchema,
  duedate: whmcsDateSchema,
  datepaid: whmcsDateTimeSchema,
  subtotal: whmcsDecimalSchema,
  credit: whmcsDecimalSchema,
  tax: whmcsDecimalSchema,
  tax2: whmcsDecimalSchema,
  total: whmcsDecimalSchema,
  balance: whmcsDecimalSchema,
  taxrate: whmcsDecimalSchema,
  taxrate2: whmcsDecimalSchema,
  status: whmcsInvoiceStatusSchema,
  paymentmethod: z.string(),
  notes: z.string(),
  items: whmcsWrappedListSchema("item", whmcsInvoiceItemSchema),
  transactions: whmcsWrappedListSchema("transaction", whmcsTransactionSchema),
});
export type GetInvoiceResponse = z.output<typeof getInvoiceResponseSchema>;
