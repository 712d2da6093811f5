import { intParam, textParam } from "../action-params.js";
import { orderRow } from "../../orders/order-rows.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * GetOrders: orders filtered by `id`, `userid`, `requestor_id` (the sandbox's orders are placed
 * on the client's behalf, so it equals `userid`) and `status` (case-insensitive), newest first
 * (id descending), paged by `limitstart` (default 0) and `limitnum` (default 25). Each row lists
 * its services as `lineitems` and its invoice's status as `paymentstatus`.
 * Source: WHMCS/developer-docs api-reference/getorders.md.
 */
export const getOrders: WhmcsAction = (params, context) => {
  const id = intParam(params, "id");
  const userId = intParam(params, "userid");
  const requestorId = intParam(params, "requestor_id");
  const status = textParam(params, "status")?.toLowerCase();
  const start = intParam(params, "limitstart") ?? 0;
  const limit = intParam(params, "limitnum") ?? 25;
  const { clients, invoices, orders, services } = context.store.state;
  const matching = orders
    .filter((order) => id === undefined || order.id === id)
    .filter((order) => userId === undefined || order.userid === userId)
    .filter((order) => requestorId === undefined || order.userid === requestorId)
    .filter((order) => status === undefined || order.status.toLowerCase() === status)
    .sort((a, b) => b.id - a.id);
  const page = matching.slice(start, start + limit);
  return {
    result: "success",
    totalresults: matching.length,
    startnumber: start,
    numreturned: page.length,
    orders: {
      order: page.map((order) =>
        orderRow(
          order,
          clients.find((client) => client.id === order.userid),
          services.filter((service) => service.orderid === order.id),
          invoices.find((invoice) => invoice.id === order.invoiceid),
        ),
      ),
    },
  };
};
