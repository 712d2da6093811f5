import { WhmcsActionError } from "../action-error.js";
import { intParam } from "../action-params.js";
import type { WhmcsAction } from "../whmcs-action.js";

/**
 * AcceptOrder: a `Pending` order becomes `Active` and so do its `Pending` services (the
 * sandbox's products have no provisioning module, so `autosetup` has nothing to run and
 * `serverid`, `serviceusername`, `servicepassword`, `registrar`, `sendemail` change nothing).
 * Answers `result` only. An unknown order, or one not Pending — an order accepted before
 * included — is refused with `Order ID not found or Status not Pending`.
 * Source: WHMCS/developer-docs api-reference/acceptorder.md; docs.whmcs.com "Orders" (Accept
 * Order sets the order and its items Active).
 */
export const acceptOrder: WhmcsAction = async (params, context) => {
  const orderId = intParam(params, "orderid");
  const order = context.store.state.orders.find((candidate) => candidate.id === orderId);
  if (!order || order.status !== "Pending") {
    throw new WhmcsActionError("Order ID not found or Status not Pending");
  }
  await context.store.mutate((state) => {
    for (const stored of state.orders) {
      if (stored.id === order.id) stored.status = "Active";
    }
    for (const service of state.services) {
      if (service.orderid === order.id && service.status === "Pending") service.status = "Active";
    }
  });
  return { result: "success" };
};
