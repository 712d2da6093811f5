"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchInvoice } from "@/features/billing/api/invoices-api";
import { invoiceKeys } from "@/features/billing/api/invoice-keys";

/** One invoice with its items and payments. */
export function useInvoice(id: number) {
  return useQuery({
    queryKey: invoiceKeys.detail(id),
    queryFn: ({ signal }) => fetchInvoice(id, signal),
  });
}
