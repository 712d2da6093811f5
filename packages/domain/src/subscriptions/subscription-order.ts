import { type ServiceStatus } from "./service-status.js";
import { type Subscription } from "./subscription.js";

/** Statuses of a service the customer has or is about to have; the others have ended. */
const CURRENT: ReadonlySet<ServiceStatus> = new Set(["pending", "active"]);

/**
 * `subscriptions` in the order the portal lists them: pending and active services first, then the
 * ended ones; newest first (by `startedOn`, then by id) within each. Returns a new array.
 * Source: `subscriptionListSchema` (what the customer looks for first is what they have now).
 */
export function sortSubscriptions(subscriptions: readonly Subscription[]): Subscription[] {
  const rank = (subscription: Subscription) => (CURRENT.has(subscription.status) ? 0 : 1);
  return [...subscriptions].sort(
    (a, b) =>
      rank(a) - rank(b) || (b.startedOn ?? "").localeCompare(a.startedOn ?? "") || b.id - a.id,
  );
}
