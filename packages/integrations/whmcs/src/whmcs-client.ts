import { DEFAULT_ORDER_REFERENCE_FIELD, type WhmcsClientConfig } from "./core/config.js";
import { WhmcsCore } from "./core/whmcs-core.js";
import { WhmcsBilling } from "./resources/billing.js";
import { WhmcsClients } from "./resources/clients.js";
import { WhmcsOrders } from "./resources/orders.js";
import { WhmcsServices } from "./resources/services.js";
import { WhmcsSystem } from "./resources/system.js";

/**
 * Typed client of the WHMCS External API for the portal: one core (credentials, throttle, read
 * retry, error translation) and a facade per resource — `clients`, `billing`, `system`. Every
 * method returns @portal/domain types and throws only `WhmcsError` (an `UpstreamError`). All calls
 * share one throttle; reads are retried on transient failures, writes (AddClient, UpdateClient,
 * CreateSsoToken, AddOrder, AcceptOrder) never.
 * Source: WHMCS/developer-docs api-reference/*.md; DESIGN.md §2, §4.
 */
export class WhmcsClient {
  /** Clients: find by email, create, read the billing profile, update. */
  readonly clients: WhmcsClients;
  /** Invoices, payment methods and the SSO link that pays an invoice. */
  readonly billing: WhmcsBilling;
  /** Orders: place, find by the portal's reference, read, accept. */
  readonly orders: WhmcsOrders;
  /** A client's services (products) and their status. */
  readonly services: WhmcsServices;
  /** The installation: health probe. */
  readonly system: WhmcsSystem;

  constructor(config: WhmcsClientConfig) {
    const core = new WhmcsCore(config);
    this.clients = new WhmcsClients(core, config.customFields);
    this.billing = new WhmcsBilling(core);
    this.orders = new WhmcsOrders(
      core,
      config.orderReferenceFieldName ?? DEFAULT_ORDER_REFERENCE_FIELD,
    );
    this.services = new WhmcsServices(core);
    this.system = new WhmcsSystem(core);
  }
}
