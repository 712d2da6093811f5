import { z } from "zod";
import { type Money } from "../common/money.js";

/** Japan's standard consumption-tax rate, in whole percent (7.8 % national, 消費税法 §29, + 2.2 % local). */
export const STANDARD_TAX_RATE = 10;

/**
 * Japan's reduced rate (軽減税率), in whole percent: food and drink other than alcohol and eating
 * out, and newspapers on subscription (平成28年改正法附則 §34). A qualified invoice marks these lines.
 */
export const REDUCED_TAX_RATE = 8;

/**
 * The consumption-tax rate of one invoice line, in whole percent: 10 (standard), 8 (reduced) or
 * 0 (not subject to consumption tax, e.g. a deposit or a fee collected for someone else).
 */
export const taxRateSchema = z.number().int().min(0).max(100);
export type TaxRate = z.infer<typeof taxRateSchema>;

/** The taxable total and the consumption tax of one rate on one invoice. */
export interface TaxRateTotal {
  /** Whole percent, see {@link taxRateSchema}. */
  rate: TaxRate;
  /** Sum of the line amounts at this rate, tax excluded (税抜), integer minor units. */
  base: Money;
  /** The tax on `base`, rounded once (see {@link taxByRate}); 0 for rate 0. */
  tax: Money;
}

/**
 * Groups invoice lines by tax rate and computes the tax of each rate once, on the rate's total:
 * `tax = base × rate / 100`, the fraction dropped (切り捨て, toward zero, so a negative base — a
 * credit — gets the mirror image of the positive one). Amounts are integer minor units of
 * `currency` (yen for JPY); line amounts exclude tax, as WHMCS's "exclusive" tax mode bills them.
 *
 * Rule: a qualified invoice rounds the consumption tax once per tax rate per invoice, never per
 * line (消費税法施行令 §70-10; 国税庁「インボイス制度に関するQ&A」, the questions on 端数処理).
 * Which way to round is the issuer's choice; we drop the fraction, the most common choice and the
 * one that never bills more than the statutory rate.
 *
 * Returns one entry per rate that occurs, highest rate first (10, 8, then 0).
 * @throws Error when a line is in another currency than `currency`.
 */
export function taxByRate(
  lines: readonly { amount: Money; taxRate: TaxRate }[],
  currency: string,
): TaxRateTotal[] {
  const bases = new Map<TaxRate, number>();
  for (const line of lines) {
    if (line.amount.currency !== currency) {
      throw new Error(`Cannot add ${line.amount.currency} to ${currency}`);
    }
    bases.set(line.taxRate, (bases.get(line.taxRate) ?? 0) + line.amount.amount);
  }
  return [...bases.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, base]) => ({
      rate,
      base: { amount: base, currency },
      tax: { amount: dropFraction((base * rate) / 100), currency },
    }));
}

/** `Math.trunc` that turns `-0` into `0`, so a negative base below one unit of tax gives tax 0. */
function dropFraction(value: number): number {
  return Math.trunc(value) || 0;
}
