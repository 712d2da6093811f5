import { z } from "zod";
import { taxByRate, type TaxRate } from "../billing/consumption-tax.js";
import { CATALOG_CURRENCY, type BillingCycle } from "../catalog/catalog-price.js";
import { type Money, moneySchema } from "../common/money.js";

/**
 * A total with consumption tax: `taxExcluded` (sum of the lines), `tax` (rounded once per rate,
 * see `taxByRate`) and `taxIncluded` (their sum), integer yen.
 */
export const taxedTotalSchema = z.object({
  taxExcluded: moneySchema,
  tax: moneySchema,
  taxIncluded: moneySchema,
});
export type TaxedTotal = z.infer<typeof taxedTotalSchema>;

/** An order's totals: what is charged once (fees) and what every month (plan and options). */
export const orderTotalsSchema = z.object({
  oneTime: taxedTotalSchema,
  monthly: taxedTotalSchema,
});
export type OrderTotals = z.infer<typeof orderTotalsSchema>;

/** One priced line as the totals see it: its amount tax excluded (yen), tax rate and cycle. */
export interface TotalledLine {
  amount: Money;
  taxRate: TaxRate;
  billingCycle: BillingCycle;
}

/** Sums the lines of one billing cycle with tax rounded once per rate. */
function taxedTotal(lines: readonly TotalledLine[], cycle: BillingCycle): TaxedTotal {
  const byRate = taxByRate(
    lines.filter((line) => line.billingCycle === cycle),
    CATALOG_CURRENCY,
  );
  const base = byRate.reduce((sum, rate) => sum + rate.base.amount, 0);
  const tax = byRate.reduce((sum, rate) => sum + rate.tax.amount, 0);
  const yen = (amount: number) => ({ amount, currency: CATALOG_CURRENCY });
  return { taxExcluded: yen(base), tax: yen(tax), taxIncluded: yen(base + tax) };
}

/**
 * The one-time and monthly totals of an order's lines (amounts tax excluded, integer yen): per
 * cycle, the tax is computed once per rate on the rate's total (`taxByRate`), never per line —
 * the same rule for a quote before checkout and for a placed order read back from Salesforce.
 * @throws Error when a line is not in yen.
 */
export function orderTotals(lines: readonly TotalledLine[]): OrderTotals {
  return { oneTime: taxedTotal(lines, "one_time"), monthly: taxedTotal(lines, "monthly") };
}
