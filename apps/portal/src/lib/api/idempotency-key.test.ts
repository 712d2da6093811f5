import { describe, expect, it } from "vitest";
import { idempotencyKeyFor } from "./idempotency-key";

describe("idempotencyKeyFor", () => {
  it("gives one action the same key on every retry", () => {
    const submit = { customerNumber: "100002" };

    expect(idempotencyKeyFor(submit)).toBe(idempotencyKeyFor(submit));
  });

  it("gives a new submit, even with equal values, a fresh UUID", () => {
    const first = idempotencyKeyFor({ customerNumber: "100002" });
    const second = idempotencyKeyFor({ customerNumber: "100002" });

    expect(second).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
