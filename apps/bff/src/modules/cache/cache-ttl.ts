/**
 * How long each kind of upstream data may be served from the cache, in seconds.
 * Source: DESIGN.md §5 "Data freshness" (seeds: system overview, caching).
 */
export const CACHE_TTL_SECONDS = {
  invoiceList: 90,
  invoiceDetail: 300,
  paymentMethods: 900,
  billingProfile: 1800,
  customerNumberLookup: 30,
} as const;
