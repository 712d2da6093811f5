import { type BillingEvent } from "@portal/whmcs";
import { type AppEvents } from "../events/app-events.js";

/** The bus event for what the WHMCS hook reported: the client, the invoice if any, and why. */
export function billingChangedFrom(event: BillingEvent): AppEvents["BillingChanged"] {
  return "invoiceId" in event
    ? { whmcsClientId: event.clientId, invoiceId: event.invoiceId, reason: event.kind }
    : { whmcsClientId: event.clientId, reason: event.kind };
}
