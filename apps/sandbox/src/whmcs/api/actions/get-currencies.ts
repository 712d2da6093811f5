import { CURRENCIES } from "../../currencies.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * GetCurrencies: the configured currencies (`currencies.currency[]`).
 * Source: WHMCS/developer-docs api-reference/getcurrencies.md.
 */
export const getCurrencies: WhmcsAction = () => ({
  result: "success",
  totalresults: String(CURRENCIES.length),
  currencies: {
    currency: CURRENCIES.map((currency) => ({
      id: String(currency.id),
      code: currency.code,
      prefix: currency.prefix,
      suffix: currency.suffix,
      format: String(currency.format),
      rate: currency.rate,
    })),
  },
});
