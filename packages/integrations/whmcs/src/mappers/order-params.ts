import { type WhmcsParams } from "../raw/params.js";
import { encodeCustomFields } from "./custom-fields.js";

/** One product line of an order. */
export interface OrderLine {
  /** WHMCS product id (Salesforce `Product2.WH_Product_ID__c`). */
  productId: number;
  /** Default 1. */
  quantity?: number;
  /** WHMCS cycle system name (`monthly`, `onetime`, …); default the product's first cycle. */
  billingCycle?: string;
  /** Product custom field values by field id. */
  customFields?: ReadonlyMap<number, string>;
}

/** What AddOrder is asked to place. */
export interface NewOrder {
  clientId: number;
  /** Payment gateway system name (`stripe`, `banktransfer`, …). */
  paymentMethod: string;
  lines: readonly OrderLine[];
  /** Suppress WHMCS's order confirmation email (the portal sends its own). */
  noEmail?: boolean;
}

/**
 * AddOrder parameters: arrays sent PHP-style with indices (`pid[0]`, `qty[0]`, …), as
 * `http_build_query` does; `customfields[i]` is base64 of the PHP-serialized `{fieldId => value}`.
 * Source: WHMCS/developer-docs api-reference/addorder.md (CURL example).
 */
export function toAddOrderParams(order: NewOrder): WhmcsParams {
  const params: Record<string, string | number | undefined> = {
    clientid: order.clientId,
    paymentmethod: order.paymentMethod,
    noemail: order.noEmail ? "true" : undefined,
  };
  order.lines.forEach((line, index) => {
    params[`pid[${index}]`] = line.productId;
    params[`qty[${index}]`] = line.quantity ?? 1;
    params[`billingcycle[${index}]`] = line.billingCycle;
    params[`customfields[${index}]`] =
      line.customFields && line.customFields.size > 0
        ? encodeCustomFields(line.customFields)
        : undefined;
  });
  return params;
}
