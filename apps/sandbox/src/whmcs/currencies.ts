/**
 * A currency configured in WHMCS (tblcurrencies), fields as GetCurrencies names them.
 * Source: WHMCS/developer-docs api-reference/getcurrencies.md.
 */
export interface WhmcsCurrency {
  id: number;
  code: string;
  prefix: string;
  suffix: string;
  format: number;
  rate: string;
}

/** The currencies of the sandbox's WHMCS: JPY only, id 1, the default. */
export const CURRENCIES: readonly WhmcsCurrency[] = [
  { id: 1, code: "JPY", prefix: "¥", suffix: " JPY", format: 1, rate: "1.00000" },
];

/** The currency with `id`, falling back to the default (WHMCS does the same for a bad id). */
export function currencyById(id: number): WhmcsCurrency {
  const fallback = CURRENCIES[0];
  if (!fallback) throw new Error("No currency configured");
  return CURRENCIES.find((currency) => currency.id === id) ?? fallback;
}
