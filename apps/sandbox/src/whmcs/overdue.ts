import type { WhmcsInvoice } from "./state/whmcs-state.js";

/**
 * Whether WHMCS counts an invoice as overdue on `today` (`YYYY-MM-DD`): stored as Unpaid with a
 * due date before today. "Overdue" is never stored; it is a GetInvoices filter.
 * Source: WHMCS/developer-docs api-reference/getinvoices.md ("Standard Invoice statuses plus Overdue").
 */
export function isOverdue(invoice: WhmcsInvoice, today: string): boolean {
  return invoice.status === "Unpaid" && invoice.duedate < today;
}
