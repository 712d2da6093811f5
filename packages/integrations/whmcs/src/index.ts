/**
 * @portal/whmcs — the portal's WHMCS integration: a typed External API client returning
 * @portal/domain types, its error type, and the signed-webhook contract shared by the WHMCS hook
 * (hook/portal_webhook.php), the sandbox and the BFF. Raw wire schemas are exported only under
 * the `raw` namespace, for the sandbox.
 */
export { WhmcsClient, type InvoicePageQuery } from "./client/whmcs-client.js";
export { type WhmcsClientConfig, type WhmcsLogger } from "./client/config.js";
export { WhmcsError, type WhmcsErrorKind, type WhmcsErrorDetails } from "./client/whmcs-error.js";
export { type BillingClientPatch } from "./mappers/client-params.js";
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
