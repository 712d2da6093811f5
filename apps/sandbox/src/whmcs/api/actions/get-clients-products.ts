import { intParam, textParam } from "../action-params.js";
import { clientProductRow } from "../../orders/order-rows.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * GetClientsProducts: services filtered by `clientid`, `serviceid`, `pid`, `domain` and
 * `username2` (the sandbox's services have no username, so any value matches none), in id
 * order, paged by `limitstart` (default 0) and `limitnum` (default 25). The filters are echoed
 * (`null` when not given) and `totalresults` is a string, as in the example.
 * Source: WHMCS/developer-docs api-reference/getclientsproducts.md.
 */
export const getClientsProducts: WhmcsAction = (params, context) => {
  const clientId = intParam(params, "clientid");
  const serviceId = intParam(params, "serviceid");
  const pid = intParam(params, "pid");
  const domain = textParam(params, "domain");
  const username = textParam(params, "username2");
  const start = intParam(params, "limitstart") ?? 0;
  const limit = intParam(params, "limitnum") ?? 25;
  const { orders, services } = context.store.state;
  const matching = services
    .filter((service) => clientId === undefined || service.userid === clientId)
    .filter((service) => serviceId === undefined || service.id === serviceId)
    .filter((service) => pid === undefined || service.pid === pid)
    .filter((service) => domain === undefined || service.domain === domain)
    .filter(() => username === undefined)
    .sort((a, b) => a.id - b.id);
  const page = matching.slice(start, start + limit);
  return {
    result: "success",
    clientid: clientId === undefined ? null : String(clientId),
    serviceid: serviceId === undefined ? null : String(serviceId),
    pid: pid === undefined ? null : String(pid),
    domain: domain ?? null,
    totalresults: String(matching.length),
    startnumber: start,
    numreturned: page.length,
    products: {
      product: page.map((service) =>
        clientProductRow(
          service,
          orders.find((order) => order.id === service.orderid),
        ),
      ),
    },
  };
};
