import { type InvoiceStatus } from "@portal/domain";
import { type WhmcsInvoiceStatus, type WhmcsInvoiceStatusFilter } from "../raw/invoices.js";

const FROM_WHMCS: Readonly<Record<WhmcsInvoiceStatus, InvoiceStatus>> = {
  Draft: "draft",
  Unpaid: "unpaid",
  Paid: "paid",
  Cancelled: "cancelled",
  Refunded: "refunded",
  Collections: "collections",
  "Payment Pending": "payment_pending",
};

const TO_WHMCS_FILTER: Readonly<Record<InvoiceStatus, WhmcsInvoiceStatusFilter>> = {
  draft: "Draft",
  unpaid: "Unpaid",
  overdue: "Overdue",
  paid: "Paid",
  cancelled: "Cancelled",
  refunded: "Refunded",
  collections: "Collections",
  payment_pending: "Payment Pending",
};

/**
 * The portal status of a WHMCS invoice. WHMCS keeps an unpaid invoice "Unpaid" after its due
 * date; the portal calls it "overdue" once `dueOn` (`YYYY-MM-DD`) is before `today`
 * (`YYYY-MM-DD` in the WHMCS server's time zone, see `todayIn`). Source: @portal/domain invoice-status.ts; WHMCS GetInvoices `status`.
 */
export function toInvoiceStatus(
  status: WhmcsInvoiceStatus,
  dueOn: string,
  today: string,
): InvoiceStatus {
  if (status === "Unpaid" && dueOn < today) {
    return "overdue";
  }
  return FROM_WHMCS[status];
}

/**
 * The GetInvoices `status` filter for a portal status: `unpaid` → "Unpaid" (which WHMCS answers
 * with every unpaid invoice, overdue ones included), `overdue` → "Overdue" (past due only).
 * Source: WHMCS/developer-docs api-reference/getinvoices.md ("Standard Invoice statuses plus
 * Overdue"); docs/api.md "Invoice status filter".
 */
export function toWhmcsStatusFilter(status: InvoiceStatus): WhmcsInvoiceStatusFilter {
  return TO_WHMCS_FILTER[status];
}
