/**
 * TanStack Query keys of the customer's internet eligibility. `all` prefixes every key; there is
 * one per customer (the session's), so `current()` is the whole of it today.
 */
export const eligibilityKeys = {
  all: ["eligibility"] as const,
  current: () => [...eligibilityKeys.all, "current"] as const,
};
