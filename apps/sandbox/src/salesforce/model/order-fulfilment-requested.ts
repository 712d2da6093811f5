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
