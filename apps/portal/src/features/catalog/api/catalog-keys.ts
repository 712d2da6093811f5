import { type CatalogCategory } from "@portal/domain";

/**
 * TanStack Query keys of the product catalog: `all` ⊃ `category(c)`. The catalog is the same for
 * every customer, so there are no per-customer keys.
 */
export const catalogKeys = {
  all: ["catalog"] as const,
  category: (category: CatalogCategory) => [...catalogKeys.all, category] as const,
};
