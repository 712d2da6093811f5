import { fulfilmentTimes } from "../salesforce/console/sim-orders.js";
import type { SandboxServices } from "../server/sandbox-services.js";

/**
 * One Salesforce Order's fulfilment as the three systems recorded it:
 * - `activationStatus`, `approvedAt`, `activatedAt`, `activatedTimes`: from the Order and its
 *   history (ISO 8601 UTC; see `fulfilmentTimes`);
 * - `whmcsOrderIds`: the WHMCS orders whose services carry this Order's id in their
 *   "Salesforce Order ID" field (decision 0060), ascending — more than one is a duplicate order;
 * - `whmcsServices`: how many services carry it; `billedLines`: the Order's lines whose product
 *   names a WHMCS product (`WH_Product_ID__c`) — more services than lines is a duplicate;
 * - `simLines`: the Order's lines that are SIM plans (`SIM_Plan_Type__c` set); `freebitActivations`:
 *   Freebit activation requests whose `requestKey` starts with `<OrderId>:` — more than SIM lines
 *   is a duplicate activation; `freebitCompleted`: those that completed;
 * - `duplicated`: any of these shows something done twice ({@link isDuplicated}).
 */
export interface OrderFulfilmentReport {
  orderId: string;
  activationStatus: string | null;
  approvedAt: string | null;
  activatedAt: string | null;
  activatedTimes: number;
  whmcsOrderIds: number[];
  whmcsServices: number;
  billedLines: number;
  simLines: number;
  freebitActivations: number;
  freebitCompleted: number;
  duplicated: boolean;
}

/** Whether `report` shows anything done twice (an activation, a WHMCS order, service or SIM). */
export function isDuplicated(report: Omit<OrderFulfilmentReport, "duplicated">): boolean {
  return (
    report.activatedTimes > 1 ||
    report.whmcsOrderIds.length > 1 ||
    report.whmcsServices > report.billedLines ||
    report.freebitActivations > report.simLines
  );
}

/**
 * The {@link OrderFulfilmentReport} of each of `orderIds` that exists, in the order asked. Reads
 * the three states once, so a run of thousands of orders is reported in one pass.
 */
export function fulfilmentReport(
  services: SandboxServices,
  orderIds: readonly string[],
): OrderFulfilmentReport[] {
  const times = fulfilmentTimes(services.records, orderIds);
  const wanted = new Set(orderIds);
  const products = new Map(
    services.records.list("Product2").map((product) => [String(product.Id), product]),
  );
  const lines = new Map<string, { billed: number; sim: number }>();
  for (const item of services.records.list("OrderItem")) {
    const orderId = String(item.OrderId);
    if (!wanted.has(orderId)) continue;
    const product = products.get(String(item.Product2Id));
    const counts = lines.get(orderId) ?? { billed: 0, sim: 0 };
    if (product?.WH_Product_ID__c) counts.billed += 1;
    if (product?.SIM_Plan_Type__c) counts.sim += 1;
    lines.set(orderId, counts);
  }
  const whmcs = new Map<string, { orders: Set<number>; services: number }>();
  for (const service of services.whmcsState.state.services) {
    for (const value of Object.values(service.customfields)) {
      if (!wanted.has(value)) continue;
      const entry = whmcs.get(value) ?? { orders: new Set<number>(), services: 0 };
      entry.orders.add(service.orderid);
      entry.services += 1;
      whmcs.set(value, entry);
    }
  }
  const freebit = new Map<string, { requested: number; completed: number }>();
  for (const activation of services.freebitState.state.activations) {
    const orderId = activation.requestKey.split(":")[0] ?? "";
    if (!wanted.has(orderId)) continue;
    const entry = freebit.get(orderId) ?? { requested: 0, completed: 0 };
    entry.requested += 1;
    if (activation.state === "completed") entry.completed += 1;
    freebit.set(orderId, entry);
  }
  return orderIds.flatMap((orderId) => {
    const time = times.get(orderId);
    if (!time) return [];
    const report = {
      orderId,
      ...time,
      whmcsOrderIds: [...(whmcs.get(orderId)?.orders ?? [])].sort((a, b) => a - b),
      whmcsServices: whmcs.get(orderId)?.services ?? 0,
      billedLines: lines.get(orderId)?.billed ?? 0,
      simLines: lines.get(orderId)?.sim ?? 0,
      freebitActivations: freebit.get(orderId)?.requested ?? 0,
      freebitCompleted: freebit.get(orderId)?.completed ?? 0,
    };
    return [{ ...report, duplicated: isDuplicated(report) }];
  });
}
