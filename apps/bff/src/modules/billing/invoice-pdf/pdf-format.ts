import { currencyExponent, type Money } from "@portal/domain";

/**
 * `amount` in the locale's currency form with the narrow symbol: `￥5,830` (ja-JP), `¥5,830`
 * (en-GB, which would otherwise write `JP¥`).
 */
export function formatMoney(amount: Money, locale: string): string {
  const units = amount.amount / 10 ** currencyExponent(amount.currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: amount.currency,
    currencyDisplay: "narrowSymbol",
  }).format(units);
}

/** An ISO calendar date (`2026-12-01`) in the locale's long form: `2026年12月1日`, `1 December 2026`. */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
