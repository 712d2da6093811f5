import { z } from "zod";
import { currencyCodeSchema } from "../common/money.js";
import { addressSchema } from "./address.js";

/**
 * The customer's billing profile (WHMCS client): authoritative for names, phone and address.
 * `address` is null when WHMCS holds an address the portal cannot read as a Japanese address.
 * `portalCustomerNumber` is the customer number the portal recorded when it created this client
 * at signup, null for clients created any other way. `lastNameKana` / `firstNameKana`: the katakana
 * readings kept in client custom fields, `""` when the client has none.
 * Source: WHMCS GetClientsDetails (`customfields`).
 */
export const billingClientSchema = z.object({
  id: z.number().int().positive(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  lastNameKana: z.string(),
  firstNameKana: z.string(),
  phone: z.string(),
  address: addressSchema.nullable(),
  currency: currencyCodeSchema,
  status: z.enum(["active", "inactive", "closed"]),
  portalCustomerNumber: z.string().nullable(),
});
export type BillingClient = z.infer<typeof billingClientSchema>;

/**
 * What the portal sends to WHMCS AddClient at signup. The customer's portal password is never
 * sent: the client gets a random WHMCS password nobody knows (WHMCS 8 requires `password2`) and
 * reaches WHMCS only through single sign-on. `customerNumber` is kept in the client notes, the
 * katakana readings in client custom fields.
 */
export const newBillingClientSchema = z.object({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  lastNameKana: z.string(),
  firstNameKana: z.string(),
  phone: z.string(),
  address: addressSchema,
  customerNumber: z.string(),
});
export type NewBillingClient = z.infer<typeof newBillingClientSchema>;
