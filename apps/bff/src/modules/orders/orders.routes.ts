import {
  orderDetailSchema,
  orderStreamReauthSchema,
  orderSummarySchema,
  orderListPageSchema,
  orderParamsSchema,
  pageQuerySchema,
  placeOrderRequestSchema,
} from "@portal/domain";
import { type ApiRoute, apiRoute, eventStreamResponse } from "../openapi/api-route.js";

const tags = ["orders"];

/** `/api/orders*` as `OrdersController` serves it (docs/api.md "Routes"). */
export const ordersRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/orders",
    operationId: "listOrders",
    summary: "The customer's orders, newest first",
    description:
      "Salesforce Orders of the customer's Account with status, activation status, category, plan name and one-time and monthly totals with tax. Cached per account until the portal's own orders or a reported change drop it (decision 0058).",
    tags,
    access: "session",
    request: { query: pageQuerySchema },
    responses: { 200: orderListPageSchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "GET",
    path: "/api/orders/:id",
    operationId: "getOrder",
    summary: "One of the customer's orders",
    description:
      "Items (name, item class, billing cycle, prices tax excluded), totals with tax, the address snapshot, SIM/MNP details, the installation preference, the activation error and the timeline of status changes. Another customer's order or an unknown id is 404 NOT_FOUND.",
    tags,
    access: "session",
    request: { params: orderParamsSchema },
    responses: { 200: orderDetailSchema },
    errors: ["NOT_FOUND", "UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "GET",
    path: "/api/orders/events",
    operationId: "streamOrders",
    summary: "Live updates of the customer's orders (server-sent events)",
    description:
      "`text/event-stream`: an `order` event (the order as the list shows it) each time one of the customer's orders is placed or changes (status, activation); comment heartbeats every 25 s; `retry:` 3 s. Ends with `reauth` when the access token expires or the session ended: renew the session and reconnect. At most 10 streams per user (429 RATE_LIMITED). Decision 0071.",
    tags,
    access: "session",
    responses: {
      200: eventStreamResponse({ order: orderSummarySchema, reauth: orderStreamReauthSchema }),
    },
    errors: ["RATE_LIMITED", "UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "GET",
    path: "/api/orders/:id/events",
    operationId: "streamOrder",
    summary: "Live updates of one of the customer's orders (server-sent events)",
    description:
      "`text/event-stream`, authorized exactly like `GET /api/orders/:id` (another customer's order or an unknown id is 404 NOT_FOUND before any event): an `order` event with the order as `GET /api/orders/:id` answers it at once, then after each change (status, activation status, error, timeline); comment heartbeats every 25 s; `retry:` 3 s. Ends with `reauth` when the access token expires or the session ended: renew the session and reconnect. At most 10 streams per user (429 RATE_LIMITED). Decision 0071.",
    tags,
    access: "session",
    request: { params: orderParamsSchema },
    responses: {
      200: eventStreamResponse({ order: orderDetailSchema, reauth: orderStreamReauthSchema }),
    },
    errors: ["NOT_FOUND", "RATE_LIMITED", "UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "POST",
    path: "/api/orders",
    operationId: "placeOrder",
    summary: "Place an order (one plan with its fees and options)",
    description:
      "Priced against the catalog read live from Salesforce; the totals must equal `expectedTotals` (else 409 PRODUCT_UNAVAILABLE naming `expectedTotals`). Refuses 409 PRODUCT_UNAVAILABLE naming the item no longer offered, NOT_ELIGIBLE (internet, address not eligible for the plan's offering type), PAYMENT_METHOD_REQUIRED (no usable WHMCS payment method), 400 naming the field (installation dates outside the window, MNP or voice options on a data plan). Creates the Salesforce Order (Pending Review) with its items in one all-or-none request and e-mails a confirmation. `Idempotency-Key` is required: a retry with the same key after a lost answer returns the same Order (decision 0058).",
    tags,
    access: "session",
    idempotent: true,
    request: { body: placeOrderRequestSchema },
    responses: { 201: orderDetailSchema },
    errors: [
      "VALIDATION_FAILED",
      "PRODUCT_UNAVAILABLE",
      "NOT_ELIGIBLE",
      "PAYMENT_METHOD_REQUIRED",
      "UPSTREAM_UNAVAILABLE",
      "UPSTREAM_ERROR",
    ],
  }),
];
