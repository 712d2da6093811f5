import { z } from "zod";
import { whmcsIntSchema, whmcsWrappedListSchema } from "./scalars.js";

/*
 * GetProducts: the products as configured (Setup → Products/Services).
 * Source: WHMCS/developer-docs api-reference/getproducts.md.
 */

/** Product payment types. */
export const whmcsPayTypeSchema = z.enum(["free", "onetime", "recurring"]);
export type WhmcsPayType = z.infer<typeof whmcsPayTypeSchema>;

/**
 * A product custom field shown on the order form (`customfields.customfield[]`); only fields with
 * "Show on Order Form" are returned.
 */
export const whmcsProductCustomFieldSchema = z.object({
  id: whmcsIntSchema,
  name: z.string(),
  description: z.string().optional(),
  required: z.string().optional(),
});
export type WhmcsProductCustomField = z.output<typeof whmcsProductCustomFieldSchema>;

/** One row of GetProducts `products.product[]` (the fields the portal reads). */
export const whmcsProductSchema = z.object({
  pid: whmcsIntSchema,
  gid: whmcsIntSchema,
  type: z.string(),
  name: z.string(),
  description: z.string(),
  module: z.string(),
  paytype: whmcsPayTypeSchema,
  customfields: whmcsWrappedListSchema("customfield", whmcsProductCustomFieldSchema),
});
export type WhmcsProduct = z.output<typeof whmcsProductSchema>;

/** GetProducts answer. */
export const getProductsResponseSchema = z.object({
  totalresults: whmcsIntSchema,
  products: whmcsWrappedListSchema("product", whmcsProductSchema),
});
export type GetProductsResponse = z.output<typeof getProductsResponseSchema>;
