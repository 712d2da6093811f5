/**
 * @portal/whmcs — the portal's WHMCS integration: a typed External API client (core + resource
 * facades `clients`, `billing`, `orders`, `services`, `system`) returning @portal/domain types, its error type (an
 * `UpstreamError` of @portal/integration-core), and the signed-webhook contract shared by the WHMCS hook
 * (hook/portal_webhook.php), the sandbox and the BFF. Raw wire schemas are exported only under
 * the `raw` namespace, for the sandbox.
 */
export { WhmcsClient } from "./whmcs-client.js";
export { type WhmcsClients } from "./resources/clients.js";
export { type WhmcsBilling, type InvoicePageQuery } from "./resources/billing.js";
export { type WhmcsSystem } from "./resources/system.js";
export { type WhmcsOrders, type PlacedOrder } from "./resources/orders.js";
export { type WhmcsServices } from "./resources/services.js";
export { type NewOrder, type OrderLine } from "./mappers/order-params.js";
export { type BillingOrder, type BillingOrderStatus } from "./mappers/billing-order.js";
export { type ClientService } from "./mappers/client-service.js";
export { type WhmcsClientConfig, DEFAULT_ORDER_REFERENCE_FIELD } from "./core/config.js";
export { WhmcsError } from "./core/whmcs-error.js";
export { type BillingClientPatch } from "./mappers/client-params.js";
export { type WhmcsCustomFieldIds } from "./mappers/custom-fields.js";
export {
  signWebhook,
  verifyWebhookSignature,
  type WebhookSignatureHeaders,
  type WebhookSignatureFailure,
} from "./webhook/signature.js";
export {
  whmcsWebhookPayloadSchema,
  toBillingEvent,
  type WhmcsWebhookPayload,
  type BillingEvent,
} from "./webhook/payload.js";
export * as raw from "./raw/index.js";
