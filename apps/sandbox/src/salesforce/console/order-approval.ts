import { ORDER } from "../model/order.js";
import { ORDER_FULFILMENT_REQUESTED } from "../model/order-fulfilment-requested.js";
import type { SObjectRecords } from "../model/sobject-records.js";

/** Order statuses staff can approve from: the order is not yet decided. */
const APPROVABLE_STATUSES: readonly string[] = ["Draft", "Pending Review"];

/** The REST API version the console's edits are logged under (the change log's `changeOrigin`). */
const CONSOLE_API_VERSION = "65.0";

/** What approving an Order came to. */
export type OrderApproval =
  | { kind: "approved"; eventReplayId: number }
  | { kind: "not-found" }
  | { kind: "not-approvable"; status: string };

/**
 * Staff approve Order `orderId` as they would in Salesforce (the console's "Approve order"): in
 * one transaction `Status` becomes `Approved` (an update like the REST API's, so its
 * OrderChangeEvent and OrderHistory row are written) and `Order_Fulfilment_Requested__e` is
 * published with `Order_Id__c` and `Account_Id__c`. Only a `Draft` or `Pending Review` Order can
 * be approved. Source: issue 8; DESIGN.md §6.
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
    const eventReplayId = writes.publishEvent(ORDER_FULFILMENT_REQUESTED.name, {
      Order_Id__c: String(order.Id),
      Account_Id__c: typeof order.AccountId === "string" ? order.AccountId : null,
    });
    return { kind: "approved", eventReplayId };
  });
}
