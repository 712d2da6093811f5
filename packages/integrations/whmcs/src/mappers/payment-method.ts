import {
  isCardExpired,
  type PaymentChannel,
  type PaymentGateway,
  paymentGatewaySchema,
  paymentMethodSchema,
  type PaymentMethod,
} from "@portal/domain";
import { type WhmcsPaymentGateway } from "../raw/payment-gateways.js";
import { type WhmcsPayMethod, type WhmcsPayMethodType } from "../raw/pay-methods.js";

const TYPE: Readonly<Record<WhmcsPayMethodType, PaymentMethod["type"]>> = {
  CreditCard: "card",
  RemoteCreditCard: "remote_card",
  BankAccount: "bank_account",
  RemoteBankAccount: "remote_bank_account",
};

/**
 * Maps GetPayMethods `paymethods[]` to the portal's payment methods, keeping WHMCS order.
 * GetPayMethods has no "default" flag; WHMCS lists pay methods in the client's order of
 * preference and charges the first one automatically, so the first is marked `isDefault`.
 * Card brand, last four and expiry (`MM/YY`) are null for bank accounts or when WHMCS leaves them
 * empty; `bankName` is null for cards. A card is `expired` once its expiry month lies before the
 * month of `today` (`YYYY-MM-DD` in the WHMCS time zone).
 * Source: WHMCS/developer-docs api-reference/getpaymethods.md.
 * @throws ZodError when an entry cannot form a valid payment method.
 */
export function toPaymentMethods(raw: readonly WhmcsPayMethod[], today: string): PaymentMethod[] {
  return raw.map((method, index) => toPaymentMethod(method, index === 0, today));
}

function toPaymentMethod(raw: WhmcsPayMethod, isDefault: boolean, today: string): PaymentMethod {
  const isCard = raw.type === "CreditCard" || raw.type === "RemoteCreditCard";
  const expiry = isCard ? orNull(raw.expiry_date) : null;
  return paymentMethodSchema.parse({
    id: raw.id,
    type: TYPE[raw.type],
    description: raw.description || fallbackDescription(raw, isCard),
    cardBrand: isCard ? orNull(raw.card_type) : null,
    cardLastFour: isCard ? orNull(raw.card_last_four) : null,
    expiry,
    expired: expiry !== null && isCardExpired(expiry, today),
    bankName: isCard ? null : orNull(raw.bank_name),
    isDefault,
  });
}

/**
 * Maps GetPaymentMethods `paymentmethods.paymentmethod[]` to the gateways the shop accepts, in
 * WHMCS order (the shop's display order). Source: WHMCS/developer-docs
 * api-reference/getpaymentmethods.md.
 * @throws ZodError when an entry has no module id.
 */
export function toPaymentGateways(raw: readonly WhmcsPaymentGateway[]): PaymentGateway[] {
  return raw.map((gateway) =>
    paymentGatewaySchema.parse({ module: gateway.module, displayName: gateway.displayname }),
  );
}

/** What to show when the customer gave the pay method no description. */
function fallbackDescription(raw: WhmcsPayMethod, isCard: boolean): string {
  if (isCard) {
    return [raw.card_type, raw.card_last_four && `•••• ${raw.card_last_four}`]
      .filter(Boolean)
      .join(" ");
  }
  return raw.bank_name ?? "";
}

function orNull(value: string | undefined): string | null {
  return value ? value : null;
}

/**
 * WHMCS payment gateway module ids (the `gateway` of a transaction, the `module` of
 * GetPaymentMethods) the portal knows, by what the customer paid with. Sources: WHMCS
 * payment gateway module names (developer-docs payment-gateways; GetPaymentMethods
 * `paymentmethods.paymentmethod[].module`) and the sandbox seed (`stripe`).
 */
const CHANNEL_BY_GATEWAY: ReadonlyMap<string, PaymentChannel> = new Map([
  ["stripe", "card"],
  ["authorizenet", "card"],
  ["paypalcheckout", "paypal"],
  ["paypal", "paypal"],
  ["banktransfer", "bank_transfer"],
  ["gocardless", "direct_debit"],
  ["stripe_sepa", "direct_debit"],
  ["komoju", "convenience_store"],
]);

/**
 * How a payment was made, from the WHMCS gateway module id of its transaction (`"stripe"` →
 * `card`, `"banktransfer"` → `bank_transfer`; case-insensitive). A module the portal does not know
 * is `other`: the portal names it generically rather than showing the module id (decision 0023).
 */
export function toPaymentChannel(gatewayModule: string): PaymentChannel {
  return CHANNEL_BY_GATEWAY.get(gatewayModule.trim().toLowerCase()) ?? "other";
}
