import { currencyById } from "../../currencies.js";
import { WHMCS_PRODUCTS, type WhmcsProduct } from "../../products/whmcs-products.js";
import { intParam, textParam } from "../action-params.js";
import type { WireValue } from "../wire-format.js";
import type { WhmcsAction } from "../whmcs-action.js";

/** Cycles other than monthly are not offered: `-1.00` marks a disabled cycle. */
const DISABLED = "-1.00";

/** GetProducts `products.product[]` entry, ids as JSON numbers as the current example shows. */
function productEntry(product: WhmcsProduct): Record<string, WireValue> {
  const currency = currencyById(1);
  const recurring = product.paytype === "recurring";
  return {
    pid: product.pid,
    gid: product.gid,
    type: "other",
    name: product.name,
    slug: product.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    "product-url": "",
    description: product.description,
    module: "",
    paytype: product.paytype,
    allowqty: 0,
    quantity_available: 0,
    pricing: {
      [currency.code]: {
        prefix: currency.prefix,
        suffix: currency.suffix,
        msetupfee: "0.00",
        qsetupfee: "0.00",
        ssetupfee: "0.00",
        asetupfee: "0.00",
        bsetupfee: "0.00",
        tsetupfee: "0.00",
        // A one-time product's price sits in the monthly column, as WHMCS stores it.
        monthly: product.monthly,
        quarterly: recurring ? DISABLED : "0.00",
        semiannually: recurring ? DISABLED : "0.00",
        annually: recurring ? DISABLED : "0.00",
        biennially: recurring ? DISABLED : "0.00",
        triennially: recurring ? DISABLED : "0.00",
      },
    },
    customfields: {
      customfield: product.customFields.map((field) => ({
        id: field.id,
        name: field.name,
        description: field.description,
        required: "",
      })),
    },
    configoptions: { configoption: [] },
  };
}

/**
 * GetProducts: the configured products (`products/whmcs-products.ts`), optionally only the ids in
 * `pid` (one id or a comma-separated list), the group `gid` or the `module` (the sandbox's
 * products use none). Only custom fields shown on the order form are listed — all of the
 * sandbox's are. Source: WHMCS/developer-docs api-reference/getproducts.md.
 */
export const getProducts: WhmcsAction = (params) => {
  const pids = textParam(params, "pid")
    ?.split(",")
    .map((id) => Number(id.trim()));
  const gid = intParam(params, "gid");
  const module = textParam(params, "module");
  const matching = WHMCS_PRODUCTS.filter(
    (product) => pids === undefined || pids.includes(product.pid),
  )
    .filter((product) => gid === undefined || product.gid === gid)
    .filter(() => module === undefined);
  return {
    result: "success",
    totalresults: matching.length,
    products: { product: matching.map(productEntry) },
  };
};
