/**
 * @portal/salesforce — the portal's Salesforce integration: a REST client (core + resource facades
 * `accounts`, `cases`, `contacts`, `catalog`, `orders`, `system`) returning @portal/domain types, its error type (an
 * `UpstreamError` of @portal/integration-core), the key loader, the Pub/Sub API subscriber client
 * (`SalesforcePubSubClient`, typed change and platform events), and the raw wire schemas under the
 * `raw` namespace, for the sandbox.
 */
export { SalesforceClient } from "./salesforce-client.js";
export { type SalesforceAccounts } from "./resources/accounts.js";
export { type SalesforceCases } from "./resources/cases.js";
export { type SalesforceContacts } from "./resources/contacts.js";
export { type SalesforceCatalog } from "./resources/catalog.js";
export type { AccountEligibility } from "./mappers/account-eligibility.js";
export type { EligibilityCaseRequest } from "./mappers/eligibility-case.js";
export {
  type SalesforceOrders,
  type NewOrder,
  type NewOrderLine,
  type ActivationUpdate,
} from "./resources/orders.js";
export type { FulfilmentOrder, FulfilmentOrderItem, SimPlan } from "./mappers/fulfilment-order.js";
export { type SalesforceSystem } from "./resources/system.js";
export type { SalesforceClientConfig, LongRunningLane } from "./core/config.js";
export type { AccountPortalLink } from "./mappers/account-portal-link.js";
export { SalesforceError } from "./errors/salesforce-error.js";
export { sameRecordId } from "./core/same-record-id.js";
export { loadPrivateKey } from "./auth/load-private-key.js";
export * as raw from "./raw/index.js";
export {
  SalesforcePubSubClient,
  MAX_REQUESTED_EVENTS,
  type PubSubClientConfig,
  type PubSubBatch,
  type PubSubSubscription,
  type ReplayStart,
  type SubscribeRequest,
  type SubscriptionListener,
} from "./pubsub/pubsub-client.js";
export type { PubSubAuth, PubSubCredentials } from "./pubsub/pubsub-auth.js";
export type {
  ChangeEvent,
  ChangeType,
  OrderChangeValues,
  OrderFulfilmentRequestedEvent,
  OtherPlatformEvent,
  UnreadableEvent,
  PubSubEvent,
} from "./pubsub/pubsub-event.js";
export { isReplayIdRejected } from "./pubsub/pubsub-error.js";
export { isReplayIdHex } from "./pubsub/replay-id.js";
