import { type OrderDetail, type OrderTimelineEntry } from "@portal/domain";

/** A step of an order's fulfilment (DESIGN.md §6), in the order a customer lives them. */
export type FulfilmentStepKey =
  "placed" | "approved" | "activating" | "activated" | "failed" | "cancelled";

/**
 * Where a step stands: `complete`, `current` (what the order is at or waiting for), `upcoming`,
 * or `failed` (set-up failed, or the order was cancelled).
 */
export type FulfilmentStepState = "complete" | "current" | "upcoming" | "failed";

/** One step with its state and when it was reached (ISO 8601 UTC), when the timeline says. */
export interface FulfilmentStep {
  key: FulfilmentStepKey;
  state: FulfilmentStepState;
  at: string | null;
}

type Progress = Pick<OrderDetail, "status" | "activationStatus" | "placedAt" | "timeline">;

/** When the timeline last shows the order reaching `matches`, or null. */
function reachedAt(
  timeline: readonly OrderTimelineEntry[],
  matches: (entry: OrderTimelineEntry) => boolean,
): string | null {
  return timeline.findLast(matches)?.at ?? null;
}

/**
 * The fulfilment steps of an order from its status and activation status (the timeline only
 * dates them): placed → approved → activating → activated, the last one `failed` when set-up
 * failed, or placed → cancelled. The step the order waits for is `current`: review while it is
 * pending, set-up once approved and while it runs. Source: DESIGN.md §6; issue 8 "Live status".
 */
export function fulfilmentSteps(order: Progress): FulfilmentStep[] {
  const { status, activationStatus, timeline } = order;
  const placedAt = reachedAt(timeline, (entry) => entry.change === "created") ?? order.placedAt;
  const statusAt = (to: string) =>
    reachedAt(timeline, (entry) => entry.change === "status" && entry.to === to);
  const activationAt = (to: string) =>
    reachedAt(timeline, (entry) => entry.change === "activation_status" && entry.to === to);

  if (status === "cancelled") {
    return [
      { key: "placed", state: "complete", at: placedAt },
      { key: "cancelled", state: "failed", at: statusAt("cancelled") },
    ];
  }
  const approved =
    status === "approved" || status === "activated" || activationStatus !== "not_started";
  const activated = activationStatus === "activated" || status === "activated";
  const failed = activationStatus === "failed" && !activated;
  const settingUp = approved && !activated && !failed;
  return [
    { key: "placed", state: "complete", at: placedAt },
    { key: "approved", state: approved ? "complete" : "current", at: statusAt("approved") },
    {
      key: "activating",
      state: activated || failed ? "complete" : settingUp ? "current" : "upcoming",
      at: activationAt("activating"),
    },
    failed
      ? { key: "failed", state: "failed", at: activationAt("failed") }
      : {
          key: "activated",
          state: activated ? "complete" : "upcoming",
          at: activationAt("activated") ?? statusAt("activated"),
        },
  ];
}

/**
 * The one step that says where the order is now, for a headline or an announcement: `failed`,
 * `activated`, `activating`, `cancelled`, `approved` (waiting for set-up) or `placed` (waiting for
 * review).
 */
export function currentFulfilmentStep(
  order: Pick<OrderDetail, "status" | "activationStatus">,
): FulfilmentStepKey {
  if (order.status === "cancelled") return "cancelled";
  if (order.activationStatus === "activated" || order.status === "activated") return "activated";
  if (order.activationStatus === "failed") return "failed";
  if (order.activationStatus === "activating") return "activating";
  return order.status === "approved" ? "approved" : "placed";
}

/**
 * Whether an order can still move on: not once activated or cancelled (a failed set-up may be
 * retried by staff, so it is followed still).
 */
export function isFulfilmentOpen(order: Pick<OrderDetail, "status" | "activationStatus">): boolean {
  const step = currentFulfilmentStep(order);
  return step !== "activated" && step !== "cancelled";
}
