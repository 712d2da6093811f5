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
 * what it means. Later: `OrderChanged`, `CatalogChanged`, `FulfillmentProgressed`.
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
}

/** The name of an event of {@link AppEvents}. */
export type AppEventName = keyof AppEvents;
