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
  /**
   * A user's upstream ids never change once signed up (the mapping is written once, at sign-up);
   * the bound is the access token's life, so a user deleted by a failed sign-up cannot be served
   * longer than a token naming them could be (decision 0029).
   */
  identity: 900,
} as const;
