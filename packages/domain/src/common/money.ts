import { z } from "zod";

/**
 * ISO 4217 currency code (three upper-case letters), e.g. `"JPY"`.
 */
export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "Currency must be an ISO 4217 code such as JPY");

/**
 * An amount of money: `amount` in integer minor units of `currency` (ISO 4217).
 * JPY has no minor unit, so `{ amount: 5280, currency: "JPY" }` is ¥5,280;
 * `{ amount: 1999, currency: "USD" }` is $19.99.
 */
export const moneySchema = z.object({
  amount: z.number().int(),
  currency: currencyCodeSchema,
});
export type Money = z.infer<typeof moneySchema>;

/**
 * Number of minor-unit digits of an ISO 4217 currency (JPY → 0, USD → 2), taken from the
 * runtime's CLDR data through `Intl.NumberFormat`.
 * @throws RangeError when the code is not a valid currency code.
 */
export function currencyExponent(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/**
 * Converts a decimal amount as billing systems send it (`"5280.00"`, `"-12.5"`, `"0"`) to
 * integer minor units of `currency`, rounding half away from zero at the currency's exponent.
 * Parsing is done on the digits, not through floating point, so `"0.29"` USD is exactly 29.
 * @throws Error when `decimal` is not a plain decimal number.
 */
export function toMinorUnits(decimal: string | number, currency: string): number {
  const text = typeof decimal === "number" ? decimal.toString() : decimal.trim();
  const match = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    throw new Error(`Not a decimal amount: "${text}"`);
  }
  const [, sign, whole = "", fraction = ""] = match;
  const exponent = currencyExponent(currency);
  const padded = fraction.padEnd(exponent + 1, "0");
  const kept = Number(`${whole || "0"}${padded.slice(0, exponent)}`);
  const roundUp = Number(padded.charAt(exponent)) >= 5 ? 1 : 0;
  const magnitude = kept + roundUp;
  return sign === "-" && magnitude !== 0 ? -magnitude : magnitude;
}

/** Adds amounts of one currency. @throws Error on mixed currencies. */
export function sumMoney(values: readonly Money[], currency: string): Money {
  let amount = 0;
  for (const value of values) {
    if (value.currency !== currency) {
      throw new Error(`Cannot add ${value.currency} to ${currency}`);
    }
    amount += value.amount;
  }
  return { amount, currency };
}
