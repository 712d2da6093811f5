import { z } from "zod";

/**
 * A saved payment method (WHMCS GetPayMethods). Card data is limited to what WHMCS exposes:
 * brand, last four digits and expiry `MM/YY`.
 */
export const paymentMethodSchema = z.object({
  id: z.number().int(),
  type: z.enum(["card", "bank_account", "remote_card", "remote_bank_account"]),
  description: z.string(),
  cardBrand: z.string().nullable(),
  cardLastFour: z.string().nullable(),
  expiry: z.string().nullable(),
  isDefault: z.boolean(),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
