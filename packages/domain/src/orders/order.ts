import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";
import { moneySchema } from "../common/money.js";
import { pageSchema } from "../common/pagination.js";
import { activationStatusSchema, orderStatusSchema } from "./order-status.js";
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
 * One line of an order (Salesforce OrderItem): the product and its price book entry, quantity,
 * unit and line price in integer minor units + ISO 4217 (JPY), and the WHMCS service made for it
 * once fulfilled.
 */
export const orderItemSchema = z.object({
  id: z.string(),
  productId: z.string().nullable(),
  pricebookEntryId: z.string(),
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

/** An order in a list: number, statuses, type, dates (`effectiveOn` `YYYY-MM-DD`, `placedAt` UTC). */
export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  status: orderStatusSchema,
  activationStatus: activationStatusSchema,
  type: z.string().nullable(),
  effectiveOn: z.iso.date(),
  placedAt: isoDateTimeSchema,
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

/**
 * One order with its lines, the sum of its lines (`itemsTotal`), the address
 * snapshot, SIM/MNP details (null for non-SIM orders), the installation preference, the
 * activation error (code and message, when activation failed) and its timeline, oldest first.
 */
export const orderDetailSchema = orderSummarySchema.extend({
  items: z.array(orderItemSchema),
  itemsTotal: moneySchema,
  billingAddress: orderAddressSchema.nullable(),
  shippingAddress: orderAddressSchema.nullable(),
  sim: simOrderDetailsSchema.nullable(),
  installationPreference: z.string().nullable(),
  whmcsOrderId: z.string().nullable(),
  activationError: z.object({ code: z.string(), message: z.string() }).nullable(),
  timeline: z.array(orderTimelineEntrySchema),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** One page of a customer's orders, newest first. */
export const orderListPageSchema = pageSchema(orderSummarySchema);
export type OrderListPage = z.infer<typeof orderListPageSchema>;
