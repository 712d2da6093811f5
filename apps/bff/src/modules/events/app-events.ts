import { type ActivationStatus } from "@portal/domain";

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
  /**
   * The fulfilment of a Salesforce Order moved on (DESIGN.md §6): `orderId` (Order Id),
   * `sfAccountId` (its Account), `whmcsClientId` (the WHMCS client id, null when not yet known),
   * the new `activationStatus`, the workflow step that just finished (null for a status change
   * alone), the error when activation failed, and `at` (ISO 8601 UTC). Orders drops the Account's
   * cached orders, the order page's live updates push it, subscriptions drop the client's services.
   */
  FulfillmentProgressed: {
    orderId: string;
    sfAccountId: string;
    whmcsClientId: number | null;
    activationStatus: ActivationStatus;
    step: string | null;
    error: { code: string; message: string } | null;
    at: string;
  };
}

/** The name of an event of {@link AppEvents}. */
export type AppEventName = keyof AppEvents;
