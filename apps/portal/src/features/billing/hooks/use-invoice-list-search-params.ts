"use client";

import { invoiceListQuerySchema, type InvoiceListQuery } from "@portal/domain";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { z } from "zod";
import { invoiceListSearch } from "@/features/billing/navigation/invoice-paths";

/** Invoices per page on the list. */
export const INVOICE_PAGE_SIZE = 10;

/**
 * The invoice list's state as it lives in the URL (`?status=overdue&page=2`), parsed tolerantly:
 * a bad or missing value falls back to its default instead of failing, so any shared or edited
 * link still opens a list. Fields derive from the BFF's `invoiceListQuerySchema`.
 */
export const invoiceListSearchParamsSchema = z.object({
  status: invoiceListQuerySchema.shape.status.catch("all"),
  page: invoiceListQuerySchema.shape.page.catch(1),
});

/**
 * The list position (`status`, `page`) in `search`, tolerantly: the list's own URL, and an
 * invoice's URL, which carries the position it was opened from.
 */
export function parseInvoiceListPosition(search: { get(name: string): string | null }): {
  status: InvoiceStatusFilter;
  page: number;
} {
  return invoiceListSearchParamsSchema.parse({
    status: search.get("status") ?? undefined,
    page: search.get("page") ?? undefined,
  });
}

/** Status filter value: one invoice status or `all`. */
export type InvoiceStatusFilter = InvoiceListQuery["status"];

/**
 * Reads the list state from the URL and writes it back with `history.pushState` (Next.js keeps
 * `useSearchParams` in sync without a server round trip), so Back and Forward walk through
 * pages and filters and a reload shows the same list.
 */
export function useInvoiceListSearchParams() {
  const searchParams = useSearchParams();
  const query: InvoiceListQuery = useMemo(
    () => ({ ...parseInvoiceListPosition(searchParams), pageSize: INVOICE_PAGE_SIZE }),
    [searchParams],
  );

  const update = useCallback((status: InvoiceStatusFilter, page: number) => {
    const search = invoiceListSearch({ status, page });
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
  }, []);

  const setStatus = useCallback((status: InvoiceStatusFilter) => update(status, 1), [update]);
  const setPage = useCallback((page: number) => update(query.status, page), [update, query.status]);

  return { query, setStatus, setPage };
}
