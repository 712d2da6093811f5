import { z } from "zod";

/**
 * How often a service is billed, in plain terms: `monthly`, `quarterly`, `semi_annually`,
 * `annually`, `biennially`, `triennially`, `one_time`, `free`. Mapped from the WHMCS service's
 * `billingcycle`. Source: WHMCS/developer-docs api-reference/getclientsproducts.md; docs.whmcs.com
 * "Billing Cycles".
 */
export const serviceBillingCycleSchema = z.enum([
  "monthly",
  "quarterly",
  "semi_annually",
  "annually",
  "biennially",
  "triennially",
  "one_time",
  "free",
]);
export type ServiceBillingCycle = z.infer<typeof serviceBillingCycleSchema>;
