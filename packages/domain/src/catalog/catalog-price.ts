import { z } from "zod";
import { STANDARD_TAX_RATE, taxRateSchema } from "../billing/consumption-tax.js";
import { moneySchema, type Money } from "../common/money.js";

/** The currency of every catalog price: the portal pricebook holds yen (decision 0051). */
export const CATALOG_CURRENCY = "JPY";

/** How often a catalog item is charged: every month, or once (a fee). */
export const billingCycleSchema = z.enum(["monthly", "one_time"]);
export type BillingCycle = z.infer<typeof billingCycleSchema>;

/**
 * A catalog price in both forms Japanese pricing needs: `taxExcluded` (税抜, what the Salesforce
 * pricebook stores as `UnitPrice`) and `taxIncluded` (税込, the 総額表示 every consumer-facing price
 * must show), integer yen (`currency: "JPY"`), with the consumption-tax `taxRate` in whole percent
 * and how often it is charged. See {@link catalogPrice} for the rounding rule.
 */
export const catalogPriceSchema = z.object({
  taxExcluded: moneySchema,
  taxIncluded: moneySchema,
  taxRate: taxRateSchema,
  billingCycle: billingCycleSchema,
});
export type CatalogPrice = z.infer<typeof catalogPriceSchema>;

/**
 * The catalog price of a tax-exclusive amount in integer yen at the standard 10 % rate:
 * `taxIncluded = ⌊taxExcluded × 110 / 100⌋` (773 → 850, 394 → 433). Rule: prices shown to
 * consumers must include consumption tax (総額表示義務, 消費税法 §63, since 1 April 2021); how to
 * round the fraction of a yen is the seller's choice (財務省「総額表示」の義務付け, Q&A on 端数処理).
 * We drop it, as invoices do (decision 0025), so the price shown is never above what is billed
 * for the item alone. Computed on integers, never through a floating-point factor.
 * @throws Error when `taxExcludedYen` is not a non-negative integer.
 */
export function catalogPrice(taxExcludedYen: number, billingCycle: BillingCycle): CatalogPrice {
  if (!Number.isSafeInteger(taxExcludedYen) || taxExcludedYen < 0) {
    throw new Error(
      `A catalog price must be a non-negative whole number of yen: ${taxExcludedYen}`,
    );
  }
  const yen = (amount: number): Money => ({ amount, currency: CATALOG_CURRENCY });
  return {
    taxExcluded: yen(taxExcludedYen),
    taxIncluded: yen(Math.floor((taxExcludedYen * (100 + STANDARD_TAX_RATE)) / 100)),
    taxRate: STANDARD_TAX_RATE,
    billingCycle,
  };
}
