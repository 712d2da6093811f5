import { z } from "zod";
import { whmcsIntSchema, whmcsListSchema } from "./scalars.js";

/*
 * GetPayMethods (WHMCS 7.8+). Source: WHMCS/developer-docs api-reference/getpaymethods.md.
 * Card rows carry card_* fields, bank rows carry bank_name instead.
 */

/** Pay method types WHMCS returns. */
export const whmcsPayMethodTypeSchema = z.enum([
  "CreditCard",
  "RemoteCreditCard",
  "BankAccount",
  "RemoteBankAccount",
]);
export type WhmcsPayMethodType = z.infer<typeof whmcsPayMethodTypeSchema>;

/**
 * One entry of GetPayMethods `paymethods[]`. The reference also shows `contact_type`,
 * `contact_id`, `start_date`, `issue_number`, `remote_token` and `last_updated`, which the portal
 * does not read (a remote token is never let out of this package).
 */
export const whmcsPayMethodSchema = z.object({
  id: whmcsIntSchema,
  type: whmcsPayMethodTypeSchema,
  description: z.string(),
  gateway_name: z.string().optional(),
  card_last_four: z.string().optional(),
  expiry_date: z.string().optional(),
  card_type: z.string().optional(),
  bank_name: z.string().optional(),
});
export type WhmcsPayMethod = z.output<typeof whmcsPayMethodSchema>;

/** GetPayMethods answer. */
export const getPayMethodsResponseSchema = z.object({
  clientid: whmcsIntSchema,
  paymethods: whmcsListSchema(whmcsPayMethodSchema),
});
export type GetPayMethodsResponse = z.output<typeof getPayMethodsResponseSchema>;
