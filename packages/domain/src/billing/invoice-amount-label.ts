import { type InvoiceStatus } from "./invoice-status.js";

/**
 * What an invoice's remaining amount is called on screen, decided by its status alone:
 * - `due` (unpaid): "Balance due"
 * - `overdue` (past its due date): "Overdue"
 * - `collections` (handed to collections): "Overdue" with the collections wording
 * - `pending` (a payment is being processed): "Payment processing"
 * - `paid`: "Paid in full" (the amount shown is the total paid)
 * `null` means the invoice shows no remaining amount at all: a cancelled, refunded or draft
 * invoice owes nothing, whatever balance WHMCS still stores for it.
 */
export type InvoiceBalanceLabel = "due" | "overdue" | "collections" | "pending" | "paid";

const BALANCE_LABEL: Readonly<Record<InvoiceStatus, InvoiceBalanceLabel | null>> = {
  unpaid: "due",
  overdue: "overdue",
  collections: "collections",
  payment_pending: "pending",
  paid: "paid",
  cancelled: null,
  refunded: null,
  draft: null,
};

/**
 * The label of the amount an invoice in `status` still carries, or `null` when it must show none.
 * Every screen that shows "what is owed" (invoice totals, dashboard payment card, list rows)
 * takes its wording from here, so the status decides each amount label in one place.
 * Source: the "Japanese-first portal" review — a cancelled or refunded invoice showed
 * "balance due"; WHMCS keeps `balance` on cancelled invoices (GetInvoice `balance`).
 */
export function invoiceBalanceLabel(status: InvoiceStatus): InvoiceBalanceLabel | null {
  return BALANCE_LABEL[status];
}

/**
 * Whether an invoice in `status` is past due (overdue or in collections): the dashboard then
 * says "overdue" instead of "next payment".
 */
export function isPastDue(status: InvoiceStatus): boolean {
  const label = invoiceBalanceLabel(status);
  return label === "overdue" || label === "collections";
}
