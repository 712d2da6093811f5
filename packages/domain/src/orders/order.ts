import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";
import { localizedTextSchema } from "../common/localized-text.js";
import { moneySchema } from "../common/money.js";
import { pageSchema } from "../common/pagination.js";
import { catalogCategorySchema, catalogItemClassSchema } from "../catalog/catalog-item.js";
import { billingCycleSchema } from "../catalog/catalog-price.js";
import { installationPreferenceSchema } from "./checkout-request.js";
import { activationStatusSchema, orderStatusSchema } from "./order-status.js";
import { orderTotalsSchema } from "./order-totals.js";
import { simOrderDetailsSchema } from "./sim-order.js";

/**
 * An address as it was when the order was placed (Salesforce Order Billing… / Shipping…), kept as
 * stored: postcode, prefecture, city, street and building (the second line of the street field).
 */
export const orderAddressSchema = z.object({
  postcode: z.string(),
  prefecture: z.string(),
  city: z.string(),
  street: z.string(),
  building: z.string(),
});
export type OrderAddress = z.infer<typeof orderAddressSchema>;

/**
 * One line of an order (Salesforce OrderItem): the product (its name, item class and billing
 * cycle as the product record has them now; the name in both languages, decision 0064) and its price book entry, quantity, unit and line
 * price tax excluded in integer minor units + ISO 4217 (JPY), and the WHMCS service made for it
 * once fulfilled.
 */
export const orderItemSchema = z.object({
  id: z.string(),
  productId: z.string().nullable(),
  pricebookEntryId: z.string(),
  name: localizedTextSchema,
  itemClass: catalogItemClassSchema.nullable(),
  billingCycle: billingCycleSchema,
  quantity: z.number().positive(),
  unitPrice: moneySchema,
  totalPrice: moneySchema,
  whmcsServiceId: z.string().nullable(),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

/**
 * One step of an order's history (Salesforce OrderHistory): when (`at`, ISO 8601 UTC), what
 * changed (`created`, `status`, `activation_status`) and the values before and after in plain
 * terms (null for `created`).
 */
export const orderTimelineEntrySchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("created"), at: isoDateTimeSchema }),
  z.object({
    change: z.literal("status"),
    at: isoDateTimeSchema,
    from: orderStatusSchema.nullable(),
    to: orderStatusSchema.nullable(),
  }),
  z.object({
    change: z.literal("activation_status"),
    at: isoDateTimeSchema,
    from: activationStatusSchema.nullable(),
    to: activationStatusSchema.nullable(),
  }),
]);
export type OrderTimelineEntry = z.infer<typeof orderTimelineEntrySchema>;

/**
 * An order in a list: number, statuses, catalog category (from Order `Type`; null for a type the
 * portal does not sell), `title` (the name of its plan in both languages, null when it has no plan line), one-time
 * and monthly totals with tax, dates (`effectiveOn` `YYYY-MM-DD`, `placedAt` UTC).
 */
export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  status: orderStatusSchema,
  activationStatus: activationStatusSchema,
  category: catalogCategorySchema.nullable(),
  title: localizedTextSchema.nullable(),
  totals: orderTotalsSchema,
  effectiveOn: z.iso.date(),
  placedAt: isoDateTimeSchema,
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

/**
 * One order with its lines, the address snapshot, SIM/MNP details (null for non-SIM orders), the
 * installation preference (null when none or when staff rewrote it in a form the portal cannot read), the
 * activation error (code and message, when activation failed) and its timeline, oldest first.
 */
export const orderDetailSchema = orderSummarySchema.extend({
  items: z.array(orderItemSchema),
  billingAddress: orderAddressSchema.nullable(),
  shippingAddress: orderAddressSchema.nullable(),
  sim: simOrderDetailsSchema.nullable(),
  installationPreference: installationPreferenceSchema.nullable(),
  whmcsOrderId: z.string().nullable(),
  activationError: z.object({ code: z.string(), message: z.string() }).nullable(),
  timeline: z.array(orderTimelineEntrySchema),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** One page of a customer's orders, newest first. */
export const orderListPageSchema = pageSchema(orderSummarySchema);
export type OrderListPage = z.infer<typeof orderListPageSchema>;
