import { ORDER } from "../model/order.js";
import type { SObjectRecords } from "../model/sobject-records.js";

/** Order statuses staff can approve from: the order is not yet decided. */
const APPROVABLE_STATUSES: readonly string[] = ["Draft", "Pending Review"];

/** The REST API version the console's edits are logged under (the change log's `changeOrigin`). */
const CONSOLE_API_VERSION = "65.0";

/** What approving an Order came to. */
export type OrderApproval =
  { kind: "approved" } | { kind: "not-found" } | { kind: "not-approvable"; status: string };

/**
 * Staff approve Order `orderId` as they would in Salesforce (the console's "Approve order"):
 * `Status` becomes `Approved` through the same update as the REST API's, so the OrderChangeEvent,
 * the OrderHistory row and the Flow's `Order_Fulfilment_Requested__e` follow. Only a `Draft` or
 * `Pending Review` Order can be approved; the check and the update are one transaction.
 * Source: issue 8; DESIGN.md §6.
 */
export async function approveOrder(
  records: SObjectRecords,
  orderId: string,
): Promise<OrderApproval> {
  return records.transaction((writes): OrderApproval => {
    const order = records.find(ORDER, orderId);
    if (!order) return { kind: "not-found" };
    const status = String(order.Status ?? "");
    if (!APPROVABLE_STATUSES.includes(status)) return { kind: "not-approvable", status };
    writes.update(
      ORDER,
      String(order.Id),
      { Status: "Approved" },
      { apiVersion: CONSOLE_API_VERSION },
    );
    return { kind: "approved" };
  });
}
