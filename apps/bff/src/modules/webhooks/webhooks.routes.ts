import { whmcsWebhookPayloadSchema } from "@portal/whmcs";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

/** `/api/webhooks/*` as `WebhooksController` serves it (docs/architecture/wiring.md). */
export const webhooksRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "POST",
    path: "/api/webhooks/whmcs",
    operationId: "receiveWhmcsWebhook",
    summary: "Billing change notice from the WHMCS hook",
    description:
      "Signed with HMAC-SHA256 of the raw body (`X-Portal-Signature`, `X-Portal-Timestamp`); see docs/architecture/wiring.md.",
    tags: ["webhooks"],
    access: "webhook",
    request: { body: whmcsWebhookPayloadSchema },
    responses: { 204: null },
    errors: ["WEBHOOK_SIGNATURE_INVALID", "CONFLICT"],
  }),
];
