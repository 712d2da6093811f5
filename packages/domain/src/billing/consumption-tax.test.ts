import { describe, expect, it } from "vitest";
import { taxByRate } from "./consumption-tax.js";

const yen = (amount: number) => ({ amount, currency: "JPY" });

describe("taxByRate", () => {
  it("groups lines by rate, highest rate first, with the tax of each rate", () => {
    const totals = taxByRate(
      [
        { amount: yen(4800), taxRate: 10 },
        { amount: yen(1200), taxRate: 8 },
        { amount: yen(500), taxRate: 10 },
        { amount: yen(1000), taxRate: 0 },
      ],
      "JPY",
    );
    expect(totals).toEqual([
      { rate: 10, base: yen(5300), tax: yen(530) },
      { rate: 8, base: yen(1200), tax: yen(96) },
      { rate: 0, base: yen(1000), tax: yen(0) },
    ]);
  });

  it("rounds once per rate on the rate's total, not per line", () => {
    // Per line: floor(99 × 8 %) = 7, three times = 21. Per rate: floor(297 × 8 %) = floor(23.76) = 23.
    const lines = [99, 99, 99].map((amount) => ({ amount: yen(amount), taxRate: 8 }));
    expect(taxByRate(lines, "JPY")).toEqual([{ rate: 8, base: yen(297), tax: yen(23) }]);
  });

  it("drops the fraction (切り捨て) rather than rounding half up", () => {
    // 1,999 × 10 % = 199.9 → 199; 1,006 × 8 % = 80.48 → 80.
    expect(taxByRate([{ amount: yen(1999), taxRate: 10 }], "JPY")[0]?.tax).toEqual(yen(199));
    expect(taxByRate([{ amount: yen(1006), taxRate: 8 }], "JPY")[0]?.tax).toEqual(yen(80));
  });

  it("nets discounts within their rate and rounds a negative total toward zero", () => {
    expect(
      taxByRate(
        [
          { amount: yen(3000), taxRate: 10 },
          { amount: yen(-1001), taxRate: 10 },
        ],
        "JPY",
      ),
    ).toEqual([{ rate: 10, base: yen(1999), tax: yen(199) }]);
    expect(taxByRate([{ amount: yen(-1999), taxRate: 10 }], "JPY")).toEqual([
      { rate: 10, base: yen(-1999), tax: yen(-199) },
    ]);
    expect(taxByRate([{ amount: yen(-5), taxRate: 10 }], "JPY")[0]?.tax).toEqual(yen(0));
  });

  it("answers no totals for no lines", () => {
    expect(taxByRate([], "JPY")).toEqual([]);
  });

  it("refuses a line in another currency", () => {
    expect(() =>
      taxByRate([{ amount: { amount: 100, currency: "USD" }, taxRate: 10 }], "JPY"),
    ).toThrow("Cannot add USD to JPY");
  });
});
