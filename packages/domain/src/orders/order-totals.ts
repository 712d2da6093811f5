import { z } from "zod";
import { moneySchema } from "../common/money.js";

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
