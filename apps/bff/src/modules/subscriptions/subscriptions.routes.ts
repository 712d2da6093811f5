import { subscriptionListSchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

/** `/api/subscriptions` as `SubscriptionsController` serves it (docs/api.md "Routes"). */
export const subscriptionsRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/subscriptions",
    operationId: "listSubscriptions",
    summary: "List the customer's services",
    description:
      "Every service billing keeps for the customer (WHMCS), named in Japanese and English from the catalog; pending and active first.",
    tags: ["subscriptions"],
    access: "session",
    responses: { 200: subscriptionListSchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
];
