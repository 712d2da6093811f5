import {
  type Money,
  type ServiceBillingCycle,
  type ServiceStatus,
  toMinorUnits,
} from "@portal/domain";
import { type WhmcsClientProduct } from "../raw/orders.js";
import { toServiceBillingCycle } from "./service-billing-cycle.js";
import { toServiceStatus } from "./service-status.js";

/**
 * A client's service as WHMCS keeps it (GetClientsProducts), in plain terms: ids, the product,
 * status, amounts in integer minor units of the client's currency, dates `YYYY-MM-DD` (null for
 * WHMCS's `0000-00-00`), and the product custom field values by field name.
 */
export interface ClientService {
  id: number;
  clientId: number;
  orderId: number;
  productId: number;
  productName: string;
  groupName: string;
  status: ServiceStatus;
  quantity: number;
  billingCycle: ServiceBillingCycle;
  firstPayment: Money;
  recurring: Money;
  registeredOn: string | null;
  nextDueOn: string | null;
  customFields: Readonly<Record<string, string>>;
}

/** `0000-00-00` (WHMCS's "no date") → null. */
function dateOrNull(date: string): string | null {
  return date.startsWith("0000") ? null : date;
}

/**
 * GetClientsProducts row → `ClientService`; `currency` is the client's (GetClientsProducts
 * carries none). Source: WHMCS/developer-docs api-reference/getclientsproducts.md.
 * @throws Error when an amount does not fit the currency (the caller reports `malformed`)
 */
export function toClientService(row: WhmcsClientProduct, currency: string): ClientService {
  return {
    id: row.id,
    clientId: row.clientid,
    orderId: row.orderid,
    productId: row.pid,
    productName: row.translated_name ?? row.name,
    groupName: row.groupname,
    status: toServiceStatus(row.status),
    quantity: row.qty ?? 1,
    billingCycle: toServiceBillingCycle(row.billingcycle),
    firstPayment: { amount: toMinorUnits(row.firstpaymentamount, currency), currency },
    recurring: { amount: toMinorUnits(row.recurringamount, currency), currency },
    registeredOn: dateOrNull(row.regdate),
    nextDueOn: dateOrNull(row.nextduedate),
    customFields: Object.fromEntries(row.customfields.map((field) => [field.name, field.value])),
  };
}
