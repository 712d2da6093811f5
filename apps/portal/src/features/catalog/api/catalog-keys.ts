import { type CatalogCategory, type InternetOfferingType } from "@portal/domain";

/**
 * TanStack Query keys of the product catalog: `all` ⊃ `category(c)` ⊃ `internet(eligibleFor)`. The
 * catalog is the same for every customer, but the fibre plans shown depend on the offering type the
 * customer's address is eligible for (null: not yet, every offering type), so a new answer to an
 * eligibility request is a new key.
 */
export const catalogKeys = {
  all: ["catalog"] as const,
  category: (category: CatalogCategory) => [...catalogKeys.all, category] as const,
  internet: (eligibleFor: InternetOfferingType | null) =>
    [...catalogKeys.category("internet"), eligibleFor ?? "any"] as const,
};
