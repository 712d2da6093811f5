import { z } from "zod";

/**
 * How a payment reached an invoice, in the portal's terms: `card` (credit or debit card),
 * `bank_transfer`, `direct_debit`, `paypal`, `convenience_store` (konbini), or `other` for a
 * gateway the portal has no name for. The portal shows a localized name for each, never the
 * billing system's module id (decision 0023).
 */
export const paymentChannelSchema = z.enum([
  "card",
  "bank_transfer",
  "direct_debit",
  "paypal",
  "convenience_store",
  "other",
]);
export type PaymentChannel = z.infer<typeof paymentChannelSchema>;
