import { describe, expect, it } from "vitest";
import { currencyExponent, sumMoney, toMinorUnits } from "./money.js";

describe("toMinorUnits", () => {
  it("keeps yen whole: JPY has no minor unit", () => {
    expect(toMinorUnits("5830.00", "JPY")).toBe(5830);
    expect(toMinorUnits("0", "JPY")).toBe(0);
  });

  it("converts dollars to cents without floating-point drift", () => {
    expect(toMinorUnits("19.99", "USD")).toBe(1999);
    expect(toMinorUnits("0.29", "USD")).toBe(29);
    expect(toMinorUnits("1.1", "USD")).toBe(110);
    expect(toMinorUnits(19.99, "USD")).toBe(1999);
  });

  it("rounds half away from zero at the currency's exponent", () => {
    expect(toMinorUnits("0.285", "USD")).toBe(29);
    expect(toMinorUnits("0.284", "USD")).toBe(28);
    expect(toMinorUnits("-0.285", "USD")).toBe(-29);
    expect(toMinorUnits("5829.5", "JPY")).toBe(5830);
  });

  it("keeps the sign of negative amounts (credits, refunds)", () => {
    expect(toMinorUnits("-12.5", "USD")).toBe(-1250);
    expect(toMinorUnits("-500.00", "JPY")).toBe(-500);
    expect(Object.is(toMinorUnits("-0.00", "USD"), 0)).toBe(true);
  });

  it("accepts surrounding whitespace and a bare fraction", () => {
    expect(toMinorUnits(" 12.00 ", "USD")).toBe(1200);
    expect(toMinorUnits(".5", "USD")).toBe(50);
  });

  it.each(["", "abc", "1.2.3", ".", "-", "1e5", "12,000", "¥500"])("rejects %j", (input) => {
    expect(() => toMinorUnits(input, "JPY")).toThrow(/Not a decimal amount/);
  });
});

describe("currencyExponent", () => {
  it("reads the ISO 4217 minor-unit digits", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("USD")).toBe(2);
  });

  it("throws on a code that is not a currency", () => {
    expect(() => currencyExponent("US$")).toThrow(RangeError);
  });
});

describe("sumMoney", () => {
  it("adds amounts of one currency", () => {
    const total = sumMoney(
      [
        { amount: 4800, currency: "JPY" },
        { amount: 500, currency: "JPY" },
        { amount: 530, currency: "JPY" },
      ],
      "JPY",
    );
    expect(total).toEqual({ amount: 5830, currency: "JPY" });
  });

  it("returns zero for no amounts", () => {
    expect(sumMoney([], "JPY")).toEqual({ amount: 0, currency: "JPY" });
  });

  it("refuses to mix currencies", () => {
    expect(() => sumMoney([{ amount: 1, currency: "USD" }], "JPY")).toThrow(/USD/);
  });
});
