import { describe, expect, it } from "vitest";
import { type Subscription } from "./subscription.js";
import { sortSubscriptions } from "./subscription-order.js";

function subscription(
  id: number,
  status: Subscription["status"],
  startedOn: string | null,
): Subscription {
  return {
    id,
    orderNumber: id,
    name: { ja: `サービス${id}`, en: `Service ${id}` },
    category: "sim",
    status,
    billingCycle: "monthly",
    recurring: null,
    startedOn,
    nextDueOn: null,
  };
}

describe("sortSubscriptions", () => {
  it("puts pending and active services first, newest first, then the ended ones", () => {
    const sorted = sortSubscriptions([
      subscription(1, "terminated", "2026-06-01"),
      subscription(2, "active", "2025-01-01"),
      subscription(3, "pending", null),
      subscription(4, "active", "2026-03-01"),
      subscription(5, "cancelled", "2026-09-01"),
      subscription(6, "active", "2026-03-01"),
    ]);

    expect(sorted.map((item) => item.id)).toEqual([6, 4, 2, 3, 5, 1]);
  });

  it("leaves its input as it was", () => {
    const input = [subscription(1, "terminated", null), subscription(2, "active", null)];
    sortSubscriptions(input);
    expect(input.map((item) => item.id)).toEqual([1, 2]);
  });
});
