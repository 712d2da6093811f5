/**
 * @portal/whmcs — the portal's WHMCS integration: a typed External API client (core + resource
 * facades `clients`, `billing`, `system`) returning @portal/domain types, its error type (an
 * `UpstreamError` of @portal/integration-core), and the signed-webhook contract shared by the WHMCS hook
 * (hook/portal_webhook.php), the sandbox and the BFF. Raw wire schemas are exported only under
 * the `raw` namespace, for the sandbox.
 */
export { WhmcsClient } from "./whmcs-client.js";
export { type WhmcsClients } from "./resources/clients.js";
export { type WhmcsBilling, type InvoicePageQuery } from "./resources/billing.js";
export { type WhmcsSystem } from "./resources/system.js";
export { type WhmcsClientConfig } from "./core/config.js";
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
