import { type ServiceBillingCycle } from "@portal/domain";

/**
 * WHMCS service `billingcycle` → the portal's. Source: WHMCS/developer-docs
 * api-reference/getclientsproducts.md; docs.whmcs.com "Billing Cycles" (the values WHMCS stores).
 */
const BILLING_CYCLE: Readonly<Record<string, ServiceBillingCycle>> = {
  "Free Account": "free",
  "One Time": "one_time",
  Monthly: "monthly",
  Quarterly: "quarterly",
  "Semi-Annually": "semi_annually",
  Annually: "annually",
  Biennially: "biennially",
  Triennially: "triennially",
};

/**
 * The portal's billing cycle of a WHMCS service.
 * @throws Error for a value WHMCS does not document (the caller reports `malformed`)
 */
export function toServiceBillingCycle(billingCycle: string): ServiceBillingCycle {
  const cycle = BILLING_CYCLE[billingCycle];
  if (!cycle) {
    throw new Error(`Unknown WHMCS billing cycle "${billingCycle}"`);
  }
  return cycle;
}
