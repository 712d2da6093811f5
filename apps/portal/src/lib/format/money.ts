import { currencyExponent, type Money } from "@portal/domain";

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats an amount held in integer minor units (`{ amount: 5830, currency: "JPY" }`) for display
 * in Japanese conventions: `￥5,830`, `US$19.99`. The minor-unit exponent comes from
 * `currencyExponent` (ISO 4217 via CLDR), so JPY is not divided and USD is divided by 100.
 * @throws RangeError when `currency` is not an ISO 4217 code.
 */
export function formatMoney({ amount, currency }: Money): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("ja-JP", { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(amount / 10 ** currencyExponent(currency));
}
