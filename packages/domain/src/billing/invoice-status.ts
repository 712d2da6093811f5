import { z } from "zod";

/**
 * Invoice status in the portal's terms. WHMCS statuses map as: Paid → paid, Unpaid → unpaid
 * (or overdue once the due date has passed), Cancelled → cancelled, Refunded → refunded,
 * Collections → collections, Draft → draft, Payment Pending → payment_pending.
 * Source: WHMCS GetInvoices `status` parameter values.
 */
export const invoiceStatusSchema = z.enum([
  "paid",
  "unpaid",
  "overdue",
  "cancelled",
  "refunded",
  "collections",
  "draft",
  "payment_pending",
]);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;

/** Statuses a customer can still pay. */
export const PAYABLE_STATUSES: readonly InvoiceStatus[] = ["unpaid", "overdue", "collections"];

/** Whether an invoice in `status` can be paid now. */
export function isPayable(status: InvoiceStatus): boolean {
  return PAYABLE_STATUSES.includes(status);
}
