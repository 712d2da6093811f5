import { subscriptionListSchema } from "@portal/domain";
import { billingTags } from "../billing/billing.cached-reads.js";
import { type CacheTag, cachedRead } from "../cache/cached-read.js";

/** The tag of a WHMCS client's cached services. */
export const subscriptionsTags = {
  client: (clientId: number): CacheTag => ({ kind: "subscriptions", id: clientId }),
};

/**
 * A WHMCS client's services, named from the catalog (WHMCS GetClientsProducts), 5 min (DESIGN.md
 * §5 "subscriptions: list 5 min"); carries the billing client's tag too, so a client change in
 * WHMCS drops it with the rest of its billing data.
 */
export const subscriptionListRead = cachedRead({
  namespace: "subscriptions",
  key: (clientId: number) => `${clientId}`,
  schema: subscriptionListSchema,
  freshness: { ttlSeconds: 300 },
  tags: (clientId) => [billingTags.client(clientId), subscriptionsTags.client(clientId)],
});
