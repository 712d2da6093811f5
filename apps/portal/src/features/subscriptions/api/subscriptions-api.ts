import { subscriptionListSchema, type SubscriptionList } from "@portal/domain";
import { apiRequest } from "@/lib/api/client";

/**
 * `GET /api/subscriptions`: every service of the customer, current ones first.
 * @throws ApiClientError `UNAUTHENTICATED`, upstream errors (502/503).
 */
export function fetchSubscriptions(signal?: AbortSignal): Promise<SubscriptionList> {
  return apiRequest("/subscriptions", { schema: subscriptionListSchema, signal });
}
