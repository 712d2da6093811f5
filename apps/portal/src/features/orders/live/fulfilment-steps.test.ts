import { describe, expect, it } from "vitest";
import {
  currentFulfilmentStep,
  fulfilmentSteps,
  isFulfilmentOpen,
} from "@/features/orders/live/fulfilment-steps";
import { orderDetail } from "@/test/order-fixtures";

const created = { change: "created", at: "2026-12-02T01:00:00.000Z" } as const;
const approvedAt = {
  change: "status",
  at: "2026-12-02T02:00:00.000Z",
  from: "pending_review",
  to: "approved",
} as const;
const activatingAt = {
  change: "activation_status",
  at: "2026-12-02T02:01:00.000Z",
  from: "not_started",
  to: "activating",
} as const;

function states(order: ReturnType<typeof orderDetail>) {
  return fulfilmentSteps(order).map((step) => `${step.key}:${step.state}`);
}

describe("fulfilmentSteps", () => {
  it("waits for review while pending", () => {
    const order = orderDetail({ timeline: [created] });
    expect(states(order)).toEqual([
      "placed:complete",
      "approved:current",
      "activating:upcoming",
      "activated:upcoming",
    ]);
    expect(currentFulfilmentStep(order)).toBe("placed");
    expect(fulfilmentSteps(order)[0]?.at).toBe(created.at);
  });

  it("waits for set-up once approved, and dates each step from the timeline", () => {
    const order = orderDetail({ status: "approved", timeline: [created, approvedAt] });
    expect(states(order)).toEqual([
      "placed:complete",
      "approved:complete",
      "activating:current",
      "activated:upcoming",
    ]);
    expect(fulfilmentSteps(order)[1]?.at).toBe(approvedAt.at);
    expect(currentFulfilmentStep(order)).toBe("approved");
  });

  it("is activating, then activated", () => {
    const activating = orderDetail({
      status: "approved",
      activationStatus: "activating",
      timeline: [created, approvedAt, activatingAt],
    });
    expect(states(activating)).toEqual([
      "placed:complete",
      "approved:complete",
      "activating:current",
      "activated:upcoming",
    ]);
    expect(fulfilmentSteps(activating)[2]?.at).toBe(activatingAt.at);
    expect(currentFulfilmentStep(activating)).toBe("activating");
    expect(isFulfilmentOpen(activating)).toBe(true);

    const activated = orderDetail({ status: "activated", activationStatus: "activated" });
    expect(states(activated)).toEqual([
      "placed:complete",
      "approved:complete",
      "activating:complete",
      "activated:complete",
    ]);
    expect(currentFulfilmentStep(activated)).toBe("activated");
    expect(isFulfilmentOpen(activated)).toBe(false);
  });

  it("ends in a failed step when set-up failed, and stays followed (staff may retry)", () => {
    const failed = orderDetail({ status: "approved", activationStatus: "failed" });
    expect(states(failed)).toEqual([
      "placed:complete",
      "approved:complete",
      "activating:complete",
      "failed:failed",
    ]);
    expect(currentFulfilmentStep(failed)).toBe("failed");
    expect(isFulfilmentOpen(failed)).toBe(true);
  });

  it("is placed then cancelled for a cancelled order", () => {
    const cancelled = orderDetail({ status: "cancelled" });
    expect(states(cancelled)).toEqual(["placed:complete", "cancelled:failed"]);
    expect(isFulfilmentOpen(cancelled)).toBe(false);
  });
});
