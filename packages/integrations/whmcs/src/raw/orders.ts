import { z } from "zod";
import {
  whmcsDateSchema,
  whmcsDateTimeSchema,
  whmcsDecimalSchema,
  whmcsIntSchema,
  whmcsWrappedListSchema,
} from "./scalars.js";

/*
 * Order actions. Source: WHMCS/developer-docs api-reference/addorder.md, acceptorder.md,
 * getorders.md; order statuses from getorderstatuses.md (Pending, Active, Fraud, Cancelled).
 */

/** Order statuses WHMCS ships with (GetOrderStatuses). */
export const whmcsOrderStatusSchema = z.enum(["Pending", "Active", "Fraud", "Cancelled"]);
export type WhmcsOrderStatus = z.infer<typeof whmcsOrderStatusSchema>;

/**
 * A comma-separated id list (`"1,2"`, `""` for none), as AddOrder returns `serviceids`,
 * `addonids` and `domainids`; parses to numbers.
 */
export const whmcsIdListSchema = z
  .union([z.string(), z.number().int()])
  .optional()
  .transform((value, context): number[] => {
    const text = value === undefined ? "" : String(value).trim();
    if (text === "") return [];
    const ids = text.split(",").map((part) => part.trim());
    if (ids.some((id) => !/^\d+$/.test(id))) {
      context.addIssue({ code: "custom", message: "Expected a comma-separated id list" });
      return z.NEVER;
    }
    return ids.map(Number);
  });

/**
 * AddOrder answer. The example shows every value as a string (`"orderid": "1"`,
 * `"serviceids": "1,2"`); `invoiceid` is `0` (or absent) when no invoice was made (`noinvoice`).
 */
export const addOrderResponseSchema = z.object({
  orderid: whmcsIntSchema,
  serviceids: whmcsIdListSchema,
  addonids: whmcsIdListSchema,
  domainids: whmcsIdListSchema,
  invoiceid: whmcsIntSchema.optional(),
});
export type AddOrderResponse = z.output<typeof addOrderResponseSchema>;

/** AcceptOrder answer: `result` only. */
export const acceptOrderResponseSchema = z.object({});

/** One line of GetOrders `lineitems.lineitem[]`; `relid` is the service id for `type: "product"`. */
export const whmcsOrderLineItemSchema = z.object({
  type: z.string(),
  relid: whmcsIntSchema,
  producttype: z.string().optional(),
  product: z.string(),
  domain: z.string().optional(),
  billingcycle: z.string(),
  amount: whmcsDecimalSchema,
  status: z.string(),
});
export type WhmcsOrderLineItem = z.output<typeof whmcsOrderLineItemSchema>;

/** One row of GetOrders `orders.order[]` (the fields the portal reads). */
export const whmcsOrderRowSchema = z.object({
  id: whmcsIntSchema,
  ordernum: z.union([z.string(), z.number()]).transform(String),
  userid: whmcsIntSchema,
  date: whmcsDateTimeSchema,
  amount: whmcsDecimalSchema,
  paymentmethod: z.string(),
  invoiceid: whmcsIntSchema,
  status: whmcsOrderStatusSchema,
  paymentstatus: z.string().optional(),
  notes: z.string().optional(),
  currencyprefix: z.string().optional(),
  currencysuffix: z.string().optional(),
  lineitems: whmcsWrappedListSchema("lineitem", whmcsOrderLineItemSchema),
});
export type WhmcsOrderRow = z.output<typeof whmcsOrderRowSchema>;

/** GetOrders answer. */
export const getOrdersResponseSchema = z.object({
  totalresults: whmcsIntSchema,
  startnumber: whmcsIntSchema.optional(),
  numreturned: whmcsIntSchema.optional(),
  orders: whmcsWrappedListSchema("order", whmcsOrderRowSchema),
});
export type GetOrdersResponse = z.output<typeof getOrdersResponseSchema>;

/**
 * Service (tblhosting `domainstatus`) statuses.
 * Source: docs.whmcs.com "Products and Services" (Pending, Active, Completed, Suspended,
 * Terminated, Cancelled, Fraud).
 */
export const whmcsServiceStatusSchema = z.enum([
  "Pending",
  "Active",
  "Completed",
  "Suspended",
  "Terminated",
  "Cancelled",
  "Fraud",
]);
export type WhmcsServiceStatus = z.infer<typeof whmcsServiceStatusSchema>;

/** A product custom field value on a service (`customfields.customfield[]`). */
export const whmcsServiceCustomFieldSchema = z.object({
  id: whmcsIntSchema,
  name: z.string(),
  translated_name: z.string().optional(),
  value: z.string(),
});
export type WhmcsServiceCustomField = z.output<typeof whmcsServiceCustomFieldSchema>;

/** One row of GetClientsProducts `products.product[]` (the fields the portal reads). */
export const whmcsClientProductSchema = z.object({
  id: whmcsIntSchema,
  qty: whmcsIntSchema.optional(),
  clientid: whmcsIntSchema,
  orderid: whmcsIntSchema,
  pid: whmcsIntSchema,
  regdate: whmcsDateSchema,
  name: z.string(),
  translated_name: z.string().optional(),
  groupname: z.string(),
  domain: z.string(),
  firstpaymentamount: whmcsDecimalSchema,
  recurringamount: whmcsDecimalSchema,
  paymentmethod: z.string(),
  billingcycle: z.string(),
  nextduedate: whmcsDateSchema,
  status: whmcsServiceStatusSchema,
  notes: z.string().optional(),
  customfields: whmcsWrappedListSchema("customfield", whmcsServiceCustomFieldSchema),
});
export type WhmcsClientProduct = z.output<typeof whmcsClientProductSchema>;

/** GetClientsProducts answer. */
export const getClientsProductsResponseSchema = z.object({
  totalresults: whmcsIntSchema,
  startnumber: whmcsIntSchema.optional(),
  numreturned: whmcsIntSchema.optional(),
  products: whmcsWrappedListSchema("product", whmcsClientProductSchema),
});
export type GetClientsProductsResponse = z.output<typeof getClientsProductsResponseSchema>;
