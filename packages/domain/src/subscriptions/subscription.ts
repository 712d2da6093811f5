import { z } from "zod";
import { catalogCategorySchema } from "../catalog/catalog-item.js";
import { isoDateSchema } from "../common/iso-date.js";
import { localizedTextSchema } from "../common/localized-text.js";
import { moneySchema } from "../common/money.js";
import { serviceBillingCycleSchema } from "./service-billing-cycle.js";
import { serviceStatusSchema } from "./service-status.js";

/**
 * One of the customer's services (a subscription: a fibre line, a SIM, a VPN router, an add-on)
 * as billing keeps it:
 * - `id`: the WHMCS service id; `orderNumber`: the WHMCS order that made it;
 * - `name`: Japanese and English, from the catalog product with the service's WHMCS product id
 *   (`WH_Product_ID__c`), or WHMCS's own product name in both when the catalog no longer has it;
 * - `category`: the catalog category, null when the catalog no longer has the product;
 * - `status`, `billingCycle`; `recurring`: the amount billed each cycle, tax excluded (税抜, as
 *   WHMCS keeps it) and included (税込, the 総額表示 a consumer is shown; standard rate, fraction
 *   dropped as invoices do — `taxByRate`), integer minor units; null for one-time and free ones;
 * - `startedOn`, `nextDueOn`: `YYYY-MM-DD`, null when WHMCS has no date.
 * Source: DESIGN.md §1 ("manage subscriptions"), §5 (billing owns services); WHMCS
 * GetClientsProducts.
 */
export const subscriptionSchema = z.object({
  id: z.number().int().positive(),
  orderNumber: z.number().int().min(0),
  name: localizedTextSchema,
  category: catalogCategorySchema.nullable(),
  status: serviceStatusSchema,
  billingCycle: serviceBillingCycleSchema,
  recurring: z.object({ taxExcluded: moneySchema, taxIncluded: moneySchema }).nullable(),
  startedOn: isoDateSchema.nullable(),
  nextDueOn: isoDateSchema.nullable(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/**
 * `GET /api/subscriptions`: every service of the customer — pending and active first (newest
 * first within), then the ended ones (suspended, terminated, cancelled, completed, fraud).
 */
export const subscriptionListSchema = z.object({
  items: z.array(subscriptionSchema),
});
export type SubscriptionList = z.infer<typeof subscriptionListSchema>;
