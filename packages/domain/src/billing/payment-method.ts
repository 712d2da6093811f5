import { z } from "zod";
import { isoDateSchema } from "../common/iso-date.js";

/**
 * A saved payment method (WHMCS GetPayMethods). Card data is limited to what WHMCS exposes:
 * brand, last four digits and expiry `MM/YY`; a bank account shows its bank name only (WHMCS
 * never returns the account number). `expired` is true for a card whose expiry month has passed
 * (a card is valid through the last day of its expiry month). `isDefault` marks the method WHMCS
 * charges first. Source: WHMCS/developer-docs api-reference/getpaymethods.md.
 */
export const paymentMethodSchema = z.object({
  id: z.number().int(),
  type: z.enum(["card", "bank_account", "remote_card", "remote_bank_account"]),
  description: z.string(),
  cardBrand: z.string().nullable(),
  cardLastFour: z.string().nullable(),
  expiry: z.string().nullable(),
  expired: z.boolean(),
  bankName: z.string().nullable(),
  isDefault: z.boolean(),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/**
 * A payment gateway the shop accepts (WHMCS GetPaymentMethods): its module id (`stripe`,
 * `banktransfer`) and the display name the shop configured for customers.
 * Source: WHMCS/developer-docs api-reference/getpaymentmethods.md.
 */
export const paymentGatewaySchema = z.object({
  module: z.string().min(1),
  displayName: z.string(),
});
export type PaymentGateway = z.infer<typeof paymentGatewaySchema>;

/**
 * `GET /api/payment-methods` response: the customer's saved methods (default first, as WHMCS
 * orders them) and the gateways the shop accepts.
 */
export const paymentMethodsOverviewSchema = z.object({
  methods: z.array(paymentMethodSchema),
  gateways: z.array(paymentGatewaySchema),
});
export type PaymentMethodsOverview = z.infer<typeof paymentMethodsOverviewSchema>;

/**
 * True when the card expiry `MM/YY` lies in a month before the month of `today` (`YYYY-MM-DD`).
 * A malformed expiry counts as not expired (the portal shows it as WHMCS sent it).
 */
export function isCardExpired(expiry: string, today: string): boolean {
  const match = /^(\d{2})\/(\d{2})$/.exec(expiry.trim());
  const parsedToday = isoDateSchema.safeParse(today);
  if (!match || !parsedToday.success) {
    return false;
  }
  const expiryMonth = (2000 + Number(match[2])) * 12 + Number(match[1]);
  const [year, month] = today.split("-").map(Number) as [number, number];
  return expiryMonth < year * 12 + month;
}

/**
 * True when `method` can be charged: any non-expired card or a bank account. Checkout refuses an
 * order with `PAYMENT_METHOD_REQUIRED` when the customer has none (DESIGN.md §6 step 1).
 */
export function isUsablePaymentMethod(method: PaymentMethod): boolean {
  return !method.expired;
}
