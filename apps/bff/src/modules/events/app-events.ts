/**
 * Why billing data changed, as WHMCS reported it (the kinds of `BillingEvent` of `@portal/whmcs`).
 */
export type BillingChangeReason =
  | "invoice_paid"
  | "invoice_created"
  | "invoice_cancelled"
  | "invoice_refunded"
  | "client_updated"
  | "pay_methods_changed";

/**
 * Every event of the in-process bus, by name → payload (DESIGN.md §9 "Events"). Publishers
 * (webhooks, later the Pub/Sub subscriber) say what happened; the owning feature module decides
 * what it means. Later: `FulfillmentProgressed`.
 */
export interface AppEvents {
  /**
   * A WHMCS client's billing data changed upstream: `whmcsClientId` (WHMCS client id), the
   * invoice concerned when there is one, and why. Billing drops its cached copies.
   */
  BillingChanged: {
    whmcsClientId: number;
    invoiceId?: number;
    reason: BillingChangeReason;
  };
  /**
   * A product, price book or price changed in Salesforce (Change Data Capture on Product2,
   * Pricebook2 or PricebookEntry): the sObject type and the changed record ids. The catalog drops
   * every cached read (the catalog is shared, so the ids only serve the logs).
   */
  CatalogChanged: {
    sobject: "Product2" | "Pricebook2" | "PricebookEntry";
    recordIds: readonly string[];
  };
  /**
   * A Salesforce Account's internet eligibility changed upstream (staff answered a request:
   * `Internet_Eligibility_Status__c` / `Internet_Eligibility__c`): `sfAccountId` (Account Id).
   * Published by the Account Change Data Capture subscriber when it lands; eligibility drops its
   * cached copy (decision 0053).
   */
  EligibilityChanged: {
    sfAccountId: string;
  };
  /**
   * A Salesforce Order changed: `sfAccountId` (the Account it belongs to), `orderId` (Order Id)
   * and why — `placed` (checkout created it) or `updated` (a change reported from Salesforce:
   * Change Data Capture or provisioning, once they land). Orders drops the Account's cached
   * orders; later the order page's live updates listen too (decision 0058).
   */
  OrderChanged: {
    sfAccountId: string;
    orderId: string;
    reason: "placed" | "updated";
  };
}

/** The name of an event of {@link AppEvents}. */
export type AppEventName = keyof AppEvents;
