import { invoiceParamsSchema } from "@portal/domain";
import { type InvoiceStatusFilter } from "@/features/billing/hooks/use-invoice-list-search-params";

/** Path of the invoice list. */
export const INVOICES_PATH = "/billing/invoices";

/** The part of the list's state a URL carries: status filter and page (1-based). */
export interface InvoiceListPosition {
  status: InvoiceStatusFilter;
  page: number;
}

/**
 * Query string (without `?`) of a list position; defaults are left out, so the first page of all
 * invoices is `""`. `{ status: "unpaid", page: 2 }` → `"status=unpaid&page=2"`.
 */
export function invoiceListSearch({ status, page }: InvoiceListPosition): string {
  const search = new URLSearchParams();
  if (status !== "all") search.set("status", status);
  if (page > 1) search.set("page", String(page));
  return search.toString();
}

/** The invoice list at `position`: `/billing/invoices?status=unpaid&page=2`. */
export function invoiceListPath(position: InvoiceListPosition): string {
  const search = invoiceListSearch(position);
  return search ? `${INVOICES_PATH}?${search}` : INVOICES_PATH;
}

/**
 * An invoice's page, carrying the list position it was opened from (same parameters as the
 * list), so "Back to invoices" returns to that filter and page, also after a reload.
 */
export function invoicePath(invoiceId: number, from?: InvoiceListPosition): string {
  const search = from ? invoiceListSearch(from) : "";
  return `${INVOICES_PATH}/${invoiceId}${search ? `?${search}` : ""}`;
}

/**
 * The invoice id of an `/billing/invoices/[id]` URL segment, or `null` when no invoice can have
 * it: the domain's rule for invoice ids (plain digits, at most WHMCS's 32-bit maximum), so an id
 * the BFF would reject with 400 is simply "not found".
 */
export function parseInvoiceRouteId(segment: string): number | null {
  const parsed = invoiceParamsSchema.safeParse({ id: segment });
  return parsed.success ? parsed.data.id : null;
}
