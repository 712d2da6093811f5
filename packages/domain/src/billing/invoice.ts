import { z } from "zod";
import { isoDateSchema } from "../common/iso-date.js";
import { moneySchema } from "../common/money.js";
import { taxRateSchema } from "./consumption-tax.js";
import { invoiceStatusSchema } from "./invoice-status.js";
import { paymentChannelSchema } from "./payment-channel.js";

/**
 * One invoice as lists show it. Money in integer minor units (invoices are JPY);
 * dates are ISO calendar dates. `number` is the customer-facing invoice number
 * (WHMCS `invoicenum`, falling back to the id when WHMCS leaves it empty).
 */
export const invoiceSummarySchema = z.object({
  id: z.number().int().positive(),
  number: z.string(),
  issuedOn: isoDateSchema,
  dueOn: isoDateSchema,
  paidOn: isoDateSchema.nullable(),
  status: invoiceStatusSchema,
  subtotal: moneySchema,
  tax: moneySchema,
  total: moneySchema,
});
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

/**
 * One line of an invoice (WHMCS `items.item[]`). `amount` excludes tax; `taxRate` is the line's
 * consumption-tax rate in whole percent (0 when `taxed` is false; decision 0025).
 */
export const invoiceItemSchema = z.object({
  id: z.number().int(),
  description: z.string(),
  amount: moneySchema,
  taxed: z.boolean(),
  taxRate: taxRateSchema,
});
export type InvoiceItem = z.infer<typeof invoiceItemSchema>;

/**
 * A payment recorded against an invoice (WHMCS `transactions.transaction[]`): `paidAt` is ISO 8601
 * UTC, `method` how it was paid (the gateway as a `PaymentChannel`), a refund has a negative amount.
 */
export const invoicePaymentSchema = z.object({
  transactionId: z.string(),
  paidAt: z.string(),
  method: paymentChannelSchema,
  amount: moneySchema,
});
export type InvoicePayment = z.infer<typeof invoicePaymentSchema>;

/** `GET /api/invoices/:id`: the summary plus line items, balance and payments. */
export const invoiceDetailSchema = invoiceSummarySchema.extend({
  items: z.array(invoiceItemSchema),
  balance: moneySchema,
  payments: z.array(invoicePaymentSchema),
  notes: z.string(),
});
export type InvoiceDetail = z.infer<typeof invoiceDetailSchema>;
