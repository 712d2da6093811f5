import { type WhmcsOrderRow, type WhmcsOrderStatus } from "../raw/orders.js";

/** A WHMCS order's status in plain terms. Source: getorderstatuses.md. */
export type BillingOrderStatus = "pending" | "active" | "fraud" | "cancelled";

const ORDER_STATUS: Readonly<Record<WhmcsOrderStatus, BillingOrderStatus>> = {
  Pending: "pending",
  Active: "active",
  Fraud: "fraud",
  Cancelled: "cancelled",
};

/**
 * A WHMCS order (GetOrders) in plain terms: its id and customer-facing number, client, status,
 * the invoice it raised (null for none) and the ids of the services it created (its `product`
 * line items).
 */
export interface BillingOrder {
  id: number;
  number: string;
  clientId: number;
  status: BillingOrderStatus;
  invoiceId: number | null;
  serviceIds: number[];
}

/** GetOrders row → `BillingOrder`. Source: WHMCS/developer-docs api-reference/getorders.md. */
export function toBillingOrder(row: WhmcsOrderRow): BillingOrder {
  return {
    id: row.id,
    number: row.ordernum,
    clientId: row.userid,
    status: ORDER_STATUS[row.status],
    invoiceId: row.invoiceid > 0 ? row.invoiceid : null,
    serviceIds: row.lineitems.filter((item) => item.type === "product").map((item) => item.relid),
  };
}
