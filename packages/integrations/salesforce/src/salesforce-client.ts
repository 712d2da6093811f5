import type { SalesforceClientConfig } from "./core/config.js";
import { SalesforceCore } from "./core/salesforce-core.js";
import { SalesforceAccounts } from "./resources/accounts.js";
import { SalesforceCases } from "./resources/cases.js";
import { SalesforceCatalog } from "./resources/catalog.js";
import { SalesforceContacts } from "./resources/contacts.js";
import { SalesforceOrders } from "./resources/orders.js";
import { SalesforceSystem } from "./resources/system.js";
import { type PubSubAuth } from "./pubsub/pubsub-auth.js";

/**
 * The Salesforce REST client the BFF uses (DESIGN.md §2, §4): one core (JWT bearer sign-in, session,
 * transport, a throttle with a default and a long-running lane, the kit's read retry) and a facade
 * per resource — `accounts`, `cases`, `contacts`, `catalog`, `orders`, `system` — and the session's
 * Pub/Sub API credentials (`pubSubAuth`). Every method rejects with `SalesforceError` only
 * (an `UpstreamError`; kinds: unavailable, rejected, malformed, auth).
 *
 * The constructor throws `SalesforceError` (`auth`) when `privateKeyPem` is not an RSA private key.
 */
export class SalesforceClient {
  /** Accounts: by customer number, by Id, the portal link, internet eligibility. */
  readonly accounts: SalesforceAccounts;
  /** Cases the portal opens for staff (internet eligibility checks). */
  readonly cases: SalesforceCases;
  /** Contacts: the Account's primary contact. */
  readonly contacts: SalesforceContacts;
  /** The portal price book's products (Product2, PricebookEntry). */
  readonly catalog: SalesforceCatalog;
  /** Orders: create an Order with its items all-or-none, list an Account's, read one. */
  readonly orders: SalesforceOrders;
  /** The org: health probe. */
  readonly system: SalesforceSystem;
  /** The session's credentials for the Pub/Sub API (`SalesforcePubSubClient`): one sign-in for both. */
  readonly pubSubAuth: PubSubAuth;

  constructor(config: SalesforceClientConfig) {
    const core = new SalesforceCore(config);
    this.accounts = new SalesforceAccounts(core);
    this.cases = new SalesforceCases(core);
    this.contacts = new SalesforceContacts(core);
    this.catalog = new SalesforceCatalog(core);
    this.orders = new SalesforceOrders(core);
    this.system = new SalesforceSystem(core);
    this.pubSubAuth = {
      current: () => core.pubSubCredentials(),
      renew: (stale) => core.renewPubSubCredentials(stale),
    };
  }
}
