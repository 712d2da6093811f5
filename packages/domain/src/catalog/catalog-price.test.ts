import { describe, expect, it } from "vitest";
import { catalogPrice } from "./catalog-price.js";

describe("catalogPrice", () => {
  it.each([
    [773, 850],
    [394, 433],
    [455, 500],
    [3_000, 3_300],
    [0, 0],
    [1, 1],
    [9, 9],
    [10, 11],
  ])("adds 10 %% to ¥%i and drops the fraction → ¥%i", (excluded, included) => {
    expect(catalogPrice(excluded, "monthly")).toEqual({
      taxExcluded: { amount: excluded, currency: "JPY" },
      taxIncluded: { amount: included, currency: "JPY" },
      taxRate: 10,
      billingCycle: "monthly",
    });
  });

  it.each([-1, 12.5, Number.NaN])("refuses %s yen", (excluded) => {
    expect(() => catalogPrice(excluded, "one_time")).toThrow(/non-negative whole number/);
  });
});
