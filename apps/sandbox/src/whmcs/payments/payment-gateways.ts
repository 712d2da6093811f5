/**
 * The payment gateways activated in the sandbox's WHMCS, in display order, as GetPaymentMethods
 * lists them (`module`, `displayname`): card payments through Stripe and Japanese bank transfer /
 * direct debit (口座振替). Configuration, not customer data, so not part of the state file.
 * Source: WHMCS/developer-docs api-reference/getpaymentmethods.md.
 */
export const PAYMENT_GATEWAYS: readonly { module: string; displayname: string }[] = [
  { module: "stripe", displayname: "クレジットカード (Credit Card)" },
  { module: "banktransfer", displayname: "銀行振込 (Bank Transfer)" },
  { module: "directdebit", displayname: "口座振替 (Direct Debit)" },
];
