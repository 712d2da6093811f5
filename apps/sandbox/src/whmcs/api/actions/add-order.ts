import { randomInt } from "node:crypto";
import { utcDate, utcDateTime } from "../../../server/clock.js";
import { addMonths } from "../../../seed/calendar.js";
import { readSerializedFields } from "../../custom-fields/client-custom-fields.js";
import { fromHundredths, toHundredths } from "../../decimal-money.js";
import { PAYMENT_GATEWAYS } from "../../payments/payment-gateways.js";
import { findProduct, type WhmcsProduct } from "../../products/whmcs-products.js";
import { InvoiceBuilder } from "../../seed/whmcs-seed.js";
import type { WhmcsOrder, WhmcsService, WhmcsState } from "../../state/whmcs-state.js";
import { WhmcsActionError } from "../action-error.js";
import { arrayParam, flagParam, intParam, textParam, type ActionParams } from "../action-params.js";
import type { WhmcsAction } from "../whmcs-action.js";

/** AddOrder's array parameters the sandbox reads (others are ignored). */
const ARRAY_PARAMS = ["pid", "qty", "billingcycle", "domain", "customfields", "priceoverride"];

/** One product line of the cart. */
interface CartLine {
  product: WhmcsProduct;
  qty: number;
  /** Price of one, WHMCS decimal text. */
  price: string;
  domain: string;
  customfields: Map<number, string>;
}

/** The array parameters by name, each `key → value`; a scalar one is refused as WHMCS 8.6+ does. */
function readArrays(params: ActionParams): Record<string, ReadonlyMap<string, string>> {
  const arrays: Record<string, ReadonlyMap<string, string>> = {};
  for (const name of ARRAY_PARAMS) {
    const value = arrayParam(params, name);
    if (value === "scalar") {
      throw new WhmcsActionError(`Expecting parameter '${name}' to be an array`);
    }
    arrays[name] = value ?? new Map();
  }
  return arrays;
}

/**
 * The cart: one line per `pid[key]` naming a configured product (an unknown product is not added
 * to the cart), with `qty[key]` (default 1), `priceoverride[key]` (default the product's price),
 * `domain[key]` and `customfields[key]` (base64 PHP-serialized `{fieldId => value}`, kept for
 * the product's own fields).
 */
function readCart(params: ActionParams): CartLine[] {
  const arrays = readArrays(params);
  const lines: CartLine[] = [];
  for (const [key, pidText] of arrays.pid ?? []) {
    const product = findProduct(Number(pidText));
    if (!product) continue;
    const qty = Number(arrays.qty?.get(key) ?? "1");
    const override = arrays.priceoverride?.get(key);
    lines.push({
      product,
      qty: Number.isInteger(qty) && qty > 0 ? qty : 1,
      price:
        override !== undefined && /^\d+(\.\d+)?$/.test(override)
          ? fromHundredths(toHundredths(override))
          : product.monthly,
      domain: arrays.domain?.get(key) ?? "",
      customfields: readSerializedFields(
        arrays.customfields?.get(key),
        product.customFields.map((field) => field.id),
      ),
    });
  }
  return lines;
}

/** The next id after the largest in `rows`. */
function nextId(rows: readonly { id: number }[]): number {
  return rows.reduce((max, row) => Math.max(max, row.id), 0) + 1;
}

/**
 * AddOrder: places an order for client `clientid` (must exist and not be Closed) paid by
 * `paymentmethod` (an active gateway's system name) with the products of `pid[]` (and `qty[]`,
 * `billingcycle[]`, `priceoverride[]`, `domain[]`, `customfields[]` by the same keys). The order
 * is `Pending` and its services `Pending`; the "set up on order" option is ignored, AcceptOrder
 * activates them. Unless `noinvoice`, an Unpaid invoice for the first payment (10 % tax, due at
 * once) is created. Answers `orderid`, `serviceids` ("1,2"), `addonids`, `domainids` (empty: the
 * sandbox sells neither) and `invoiceid` (0 without one), as strings as in the example. AddOrder
 * is not idempotent in WHMCS: a repeated call makes a second order (decision 0060).
 * Errors, as the reference lists them: `Client ID Not Found`, `Unable to add order when client
 * status is Closed`, `Invalid Payment Method. Valid options include <list>`, `No items added to
 * cart so order cannot proceed`, `Expecting parameter '<name>' to be an array`.
 * Source: WHMCS/developer-docs api-reference/addorder.md.
 */
export const addOrder: WhmcsAction = async (params, context) => {
  const state = context.store.state;
  const clientId = intParam(params, "clientid");
  const client = state.clients.find((candidate) => candidate.id === clientId);
  if (!client) throw new WhmcsActionError("Client ID Not Found");
  if (client.status === "Closed") {
    throw new WhmcsActionError("Unable to add order when client status is Closed");
  }
  const paymentMethod = textParam(params, "paymentmethod") ?? "";
  if (!PAYMENT_GATEWAYS.some((gateway) => gateway.module === paymentMethod)) {
    const valid = PAYMENT_GATEWAYS.map((gateway) => gateway.module).join(",");
    throw new WhmcsActionError(`Invalid Payment Method. Valid options include ${valid}`);
  }
  const cart = readCart(params);
  if (cart.length === 0) {
    throw new WhmcsActionError("No items added to cart so order cannot proceed");
  }

  const now = context.clock();
  const today = utcDate(now);
  const placed = await context.store.mutate((draft: WhmcsState) => {
    const orderId = nextId(draft.orders);
    const firstServiceId = nextId(draft.services);
    const services: WhmcsService[] = cart.map((line, index) => {
      const amount = fromHundredths(toHundredths(line.price) * line.qty);
      const recurring = line.product.paytype === "recurring";
      return {
        id: firstServiceId + index,
        userid: client.id,
        orderid: orderId,
        pid: line.product.pid,
        qty: line.qty,
        regdate: today,
        domain: line.domain,
        paymentmethod: paymentMethod,
        firstpaymentamount: amount,
        recurringamount: recurring ? amount : "0.00",
        billingcycle: recurring ? "Monthly" : "One Time",
        nextduedate: recurring ? addMonths(today, 1) : "0000-00-00",
        status: "Pending",
        notes: "",
        customfields: Object.fromEntries(
          [...line.customfields].map(([id, value]) => [String(id), value]),
        ),
      };
    });
    const total = services.reduce(
      (sum, service) => sum + toHundredths(service.firstpaymentamount),
      0,
    );
    let invoiceId = 0;
    if (!flagParam(params, "noinvoice") && total > 0) {
      const invoices = new InvoiceBuilder(draft.invoices);
      invoices.add({
        userid: client.id,
        date: today,
        status: "Unpaid",
        lines: services.map((service) => ({
          type: "Hosting",
          relid: service.id,
          description: `${findProduct(service.pid)?.name ?? ""} (${service.regdate} - ${service.nextduedate})`,
          amount: toHundredths(service.firstpaymentamount) / 100,
        })),
      });
      for (const invoice of invoices.all) {
        invoiceId = invoice.id;
        draft.invoices.push({ ...invoice, duedate: today, paymentmethod: paymentMethod });
      }
    }
    const order: WhmcsOrder = {
      id: orderId,
      ordernum: String(randomInt(1_000_000_000, 10_000_000_000)),
      userid: client.id,
      date: utcDateTime(now),
      amount: fromHundredths(total),
      paymentmethod: paymentMethod,
      invoiceid: invoiceId,
      status: "Pending",
      ipaddress: textParam(params, "clientip") ?? "",
      notes: "",
    };
    draft.orders.push(order);
    draft.services.push(...services);
    return { order, services };
  });
  return {
    result: "success",
    orderid: String(placed.order.id),
    serviceids: placed.services.map((service) => service.id).join(","),
    addonids: "",
    domainids: "",
    invoiceid: String(placed.order.invoiceid),
  };
};
