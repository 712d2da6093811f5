import { z } from "zod";
import { whmcsIntSchema, whmcsWrappedListSchema } from "./scalars.js";

/**
 * GetPaymentMethods: the payment gateways activated in WHMCS (module id and the display name the
 * shop configured), as `paymentmethods.paymentmethod[]`.
 * Source: WHMCS/developer-docs api-reference/getpaymentmethods.md.
 */
export const whmcsPaymentGatewaySchema = z.object({
  module: z.string().min(1),
  displayname: z.string(),
});
export type WhmcsPaymentGateway = z.output<typeof whmcsPaymentGatewaySchema>;

/** GetPaymentMethods answer. */
export const getPaymentMethodsResponseSchema = z.object({
  totalresults: whmcsIntSchema,
  paymentmethods: whmcsWrappedListSchema("paymentmethod", whmcsPaymentGatewaySchema),
});
export type GetPaymentMethodsResponse = z.output<typeof getPaymentMethodsResponseSchema>;
