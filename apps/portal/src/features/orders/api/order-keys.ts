import { type PageQuery } from "@portal/domain";

/**
 * TanStack Query keys of the customer's orders: `all` ⊃ `lists()` ⊃ `list(query)`, and `all` ⊃
 * `details()` ⊃ `detail(id)`, so placing an order can drop the lists and seed its detail.
 */
export const orderKeys = {
  all: ["orders"] as const,
  lists: () => [...orderKeys.all, "list"] as const,
  list: (query: PageQuery) => [...orderKeys.lists(), query] as const,
  details: () => [...orderKeys.all, "detail"] as const,
  detail: (id: string) => [...orderKeys.details(), id] as const,
};
