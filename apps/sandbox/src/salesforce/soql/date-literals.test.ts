import { describe, expect, it } from "vitest";
import { dateLiteralRange, localMidnight } from "./date-literals.js";

/** 01:30 on Wednesday 2025-01-01 in Tokyo (still 31 December in UTC). */
const NOW = new Date("2024-12-31T16:30:00Z");

const range = (name: string, n?: number) => {
  const found = dateLiteralRange(name, n, NOW);
  return found && [new Date(found.start).toISOString(), new Date(found.end).toISOString()];
};

describe("dateLiteralRange (Tokyo, UTC+9)", () => {
  it.each([
    ["TODAY", undefined, "2024-12-31T15:00:00.000Z", "2025-01-01T15:00:00.000Z"],
    ["YESTERDAY", undefined, "2024-12-30T15:00:00.000Z", "2024-12-31T15:00:00.000Z"],
    ["TOMORROW", undefined, "2025-01-01T15:00:00.000Z", "2025-01-02T15:00:00.000Z"],
    // Weeks start on Sunday (ja_JP): 29 December 2024.
    ["THIS_WEEK", undefined, "2024-12-28T15:00:00.000Z", "2025-01-04T15:00:00.000Z"],
    ["LAST_WEEK", undefined, "2024-12-21T15:00:00.000Z", "2024-12-28T15:00:00.000Z"],
    ["THIS_MONTH", undefined, "2024-12-31T15:00:00.000Z", "2025-01-31T15:00:00.000Z"],
    ["LAST_MONTH", undefined, "2024-11-30T15:00:00.000Z", "2024-12-31T15:00:00.000Z"],
    ["THIS_QUARTER", undefined, "2024-12-31T15:00:00.000Z", "2025-03-31T15:00:00.000Z"],
    ["LAST_FISCAL_QUARTER", undefined, "2024-09-30T15:00:00.000Z", "2024-12-31T15:00:00.000Z"],
    ["NEXT_YEAR", undefined, "2025-12-31T15:00:00.000Z", "2026-12-31T15:00:00.000Z"],
    ["LAST_90_DAYS", undefined, "2024-10-02T15:00:00.000Z", "2025-01-01T15:00:00.000Z"],
    ["LAST_N_DAYS", 1, "2024-12-30T15:00:00.000Z", "2025-01-01T15:00:00.000Z"],
    ["NEXT_N_DAYS", 2, "2025-01-01T15:00:00.000Z", "2025-01-03T15:00:00.000Z"],
    ["N_DAYS_AGO", 3, "2024-12-28T15:00:00.000Z", "2024-12-29T15:00:00.000Z"],
    ["LAST_N_WEEKS", 1, "2024-12-21T15:00:00.000Z", "2024-12-28T15:00:00.000Z"],
    ["NEXT_N_MONTHS", 2, "2025-01-31T15:00:00.000Z", "2025-03-31T15:00:00.000Z"],
    ["N_MONTHS_AGO", 1, "2024-11-30T15:00:00.000Z", "2024-12-31T15:00:00.000Z"],
    ["LAST_N_QUARTERS", 2, "2024-06-30T15:00:00.000Z", "2024-12-31T15:00:00.000Z"],
    ["N_FISCAL_YEARS_AGO", 1, "2023-12-31T15:00:00.000Z", "2024-12-31T15:00:00.000Z"],
  ])("%s:%s is [%s, %s)", (name, n, start, end) => {
    expect(range(name, n)).toEqual([start, end]);
  });

  it("knows no other literal", () => {
    expect(range("SOMEDAY")).toBeUndefined();
    expect(range("LAST_N_FORTNIGHTS", 2)).toBeUndefined();
  });

  it("places a date field's day at its local midnight", () => {
    expect(new Date(localMidnight("2025-01-01")).toISOString()).toBe("2024-12-31T15:00:00.000Z");
  });
});
