import { currencyExponent, type Money } from "@portal/domain";
import { type AppLocale } from "@/i18n/locales";

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: AppLocale, currency: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter =
      locale === "ja"
        ? new Intl.NumberFormat("ja-JP", {
            style: "currency",
            currency,
            // Yen reads `11,660円` in Japanese text, as Japanese bills print it; other
            // currencies keep their symbol (`$19.99`).
            currencyDisplay: currency === "JPY" ? "name" : "narrowSymbol",
          })
        : new Intl.NumberFormat("en-GB", {
            style: "currency",
            currency,
            currencyDisplay: "narrowSymbol",
          });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an amount held in integer minor units (`{ amount: 11660, currency: "JPY" }`) the way
 * the language writes money: `11,660円` in Japanese, `¥11,660` in English; `$19.99` in both for
 * US dollars. The minor-unit exponent comes from `currencyExponent` (ISO 4217 via CLDR), so JPY
 * is not divided and USD is divided by 100.
 * @throws RangeError when `currency` is not an ISO 4217 code.
 */
export function formatMoney({ amount, currency }: Money, locale: AppLocale): string {
  return formatterFor(locale, currency).format(amount / 10 ** currencyExponent(currency));
}
