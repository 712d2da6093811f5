import type { SfRecord } from "../state/salesforce-state.js";

/** A platform event type: its API name (`…__e`) and its custom text fields. */
export interface PlatformEventDescriptor {
  readonly name: string;
  /** Custom fields (`…__c`), all text; every event also has `CreatedDate` and `CreatedById`. */
  readonly fields: readonly string[];
}

/**
 * `Order_Fulfilment_Requested__e`: published when staff approve an Order (Status `Approved`), so
 * the portal starts its fulfilment; `Order_Id__c` is the Order's 18-character id,
 * `Account_Id__c` its Account's. Source: issue 8 ("the platform event
 * `/event/Order_Fulfilment_Requested__e`"); DESIGN.md §6.
 */
export const ORDER_FULFILMENT_REQUESTED: PlatformEventDescriptor = {
  name: "Order_Fulfilment_Requested__e",
  fields: ["Order_Id__c", "Account_Id__c"],
};

/**
 * The org's Flow on Order: when `Status` becomes `Approved` (from anything else), publish
 * `Order_Fulfilment_Requested__e` with the Order's and its Account's ids — whether staff approved
 * in the console or an API client set the status. Source: DESIGN.md §6 steps 2–3.
 */
export function requestFulfilmentOnApproval(
  before: Readonly<SfRecord>,
  after: Readonly<SfRecord>,
  publish: (eventName: string, fields: Readonly<Record<string, SfRecord[string]>>) => void,
): void {
  if (after.Status !== "Approved" || before.Status === "Approved") return;
  publish(ORDER_FULFILMENT_REQUESTED.name, {
    Order_Id__c: String(after.Id),
    Account_Id__c: typeof after.AccountId === "string" ? after.AccountId : null,
  });
}
