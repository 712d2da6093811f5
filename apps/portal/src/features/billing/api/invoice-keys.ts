import { type InvoiceListQuery } from "@portal/domain";

/**
 * TanStack Query keys of the customer's invoices: `all` ⊃ `lists()` ⊃ `list(query)`, and
 * `all` ⊃ `details()` ⊃ `detail(id)`, so a change can invalidate exactly what it affects.
 */
export const invoiceKeys = {
  all: ["invoices"] as const,
  lists: () => [...invoiceKeys.all, "list"] as const,
  list: (query: InvoiceListQuery) => [...invoiceKeys.lists(), query] as const,
  details: () => [...invoiceKeys.all, "detail"] as const,
  detail: (id: number) => [...invoiceKeys.details(), id] as const,
};
