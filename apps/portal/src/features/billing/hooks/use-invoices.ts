"use client";

import { type InvoiceListQuery } from "@portal/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchInvoices } from "@/features/billing/api/invoices-api";
import { invoiceKeys } from "@/features/billing/api/invoice-keys";

/**
 * One page of invoices. While another page or filter loads, the previous page stays on screen
 * (`placeholderData: keepPreviousData`, `isPlaceholderData` is true meanwhile).
 */
export function useInvoices(query: InvoiceListQuery) {
  return useQuery({
    queryKey: invoiceKeys.list(query),
    queryFn: ({ signal }) => fetchInvoices(query, signal),
    placeholderData: keepPreviousData,
  });
}
