import { PAYMENT_GATEWAYS } from "../payments/payment-gateways.js";
import { currencyById } from "../currencies.js";
import { findProduct } from "../products/whmcs-products.js";
import type { WhmcsClient, WhmcsInvoice, WhmcsOrder, WhmcsService } from "../state/whmcs-state.js";
import type { WireValue } from "../api/wire-format.js";

/*
 * Orders and services → External API JSON, as the current api-reference examples show them.
 * Source: WHMCS/developer-docs @ 2e75f454 api-reference getorders.md, getclientsproducts.md.
 */

/** A gateway's display name (`paymentmethodname`), or its system name when not active. */
function gatewayName(module: string): string {
  return PAYMENT_GATEWAYS.find((gateway) => gateway.module === module)?.displayname ?? module;
}

/** `"<group> - <product>"`, as GetOrders names a line's product. */
function productLabel(pid: number): { group: string; name: string } {
  const product = findProduct(pid);
  return { group: product?.groupName ?? "", name: product?.name ?? `Product #${pid}` };
}

/**
 * GetOrders `orders.order[]` row with its `lineitems` (one `product` line per service, `relid` =
 * service id) and `paymentstatus` (the invoice's status, `""` without one). Ids as JSON numbers,
 * money as decimal text, as the example shows.
 */
export function orderRow(
  order: WhmcsOrder,
  owner: WhmcsClient | undefined,
  services: readonly WhmcsService[],
  invoice: WhmcsInvoice | undefined,
): Record<string, WireValue> {
  const currency = currencyById(owner?.currency ?? 1);
  return {
    id: order.id,
    ordernum: Number(order.ordernum),
    userid: order.userid,
    contactid: 0,
    requestor_id: order.userid,
    admin_requestor_id: 0,
    date: order.date,
    nameservers: "",
    transfersecret: "",
    renewals: "",
    renewalsByType: { domains: [], services: [], addons: [] },
    promocode: "",
    promotype: "",
    promovalue: "",
    orderdata: "[]",
    amount: order.amount,
    paymentmethod: order.paymentmethod,
    invoiceid: order.invoiceid,
    status: order.status,
    ipaddress: order.ipaddress,
    fraudmodule: "",
    fraudoutput: "",
    notes: order.notes,
    paymentmethodname: gatewayName(order.paymentmethod),
    paymentstatus: invoice?.status ?? "",
    name: owner ? `${owner.firstname} ${owner.lastname}`.trim() : "",
    currencyprefix: currency.prefix,
    currencysuffix: currency.suffix,
    frauddata: "",
    validationdata: "",
    lineitems: {
      lineitem: services.map((service) => {
        const label = productLabel(service.pid);
        return {
          type: "product",
          relid: service.id,
          producttype: "Other Product/Service",
          product: `${label.group} - ${label.name}`,
          domain: service.domain,
          billingcycle: service.billingcycle,
          amount: service.firstpaymentamount,
          status: service.status,
        };
      }),
    },
  };
}

/**
 * GetClientsProducts `products.product[]` row, every scalar a string as the example shows;
 * `customfields` lists the product's custom fields with this service's values.
 */
export function clientProductRow(
  service: WhmcsService,
  order: WhmcsOrder | undefined,
): Record<string, WireValue> {
  const product = findProduct(service.pid);
  const label = productLabel(service.pid);
  return {
    id: String(service.id),
    qty: String(service.qty),
    clientid: String(service.userid),
    orderid: String(service.orderid),
    ordernumber: order?.ordernum ?? "",
    pid: String(service.pid),
    regdate: service.regdate,
    name: label.name,
    translated_name: label.name,
    groupname: label.group,
    translated_groupname: label.group,
    domain: service.domain,
    dedicatedip: "",
    serverid: "0",
    servername: "",
    serverip: "",
    serverhostname: "",
    suspensionreason: "",
    firstpaymentamount: service.firstpaymentamount,
    recurringamount: service.recurringamount,
    paymentmethod: service.paymentmethod,
    paymentmethodname: gatewayName(service.paymentmethod),
    billingcycle: service.billingcycle,
    nextduedate: service.nextduedate,
    status: service.status,
    username: "",
    password: "",
    subscriptionid: "",
    promoid: "0",
    overideautosuspend: "",
    overidesuspenduntil: "0000-00-00",
    ns1: "",
    ns2: "",
    assignedips: "",
    notes: service.notes,
    diskusage: "0",
    disklimit: "0",
    bwusage: "0",
    bwlimit: "0",
    lastupdate: "0000-00-00 00:00:00",
    customfields: {
      customfield: (product?.customFields ?? []).map((field) => ({
        id: String(field.id),
        name: field.name,
        translated_name: field.name,
        value: service.customfields[String(field.id)] ?? "",
      })),
    },
    configoptions: { configoption: [] },
  };
}
