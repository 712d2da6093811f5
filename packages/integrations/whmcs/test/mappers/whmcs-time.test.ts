import { describe, expect, it } from "vitest";
import { todayIn, toOptionalDate, wallClockToUtc } from "../../src/mappers/whmcs-time.js";

describe("WHMCS dates", () => {
  it("reads the all-zero date as never", () => {
    expect(toOptionalDate("0000-00-00 00:00:00")).toBeNull();
    expect(toOptionalDate("0000-00-00")).toBeNull();
    expect(toOptionalDate("2016-01-08 14:06:34")).toBe("2016-01-08");
  });

  it("takes today's date in the WHMCS zone", () => {
    expect(todayIn(new Date("2026-11-21T23:59:59+09:00"), "UTC")).toBe("2026-11-21");
    expect(todayIn(new Date("2026-11-22T08:59:59+09:00"), "UTC")).toBe("2026-11-21");
    expect(todayIn(new Date("2026-11-22T08:59:59+09:00"), "Asia/Tokyo")).toBe("2026-11-22");
    expect(todayIn(new Date("2026-11-21T23:59:59+09:00"), "Asia/Tokyo")).toBe("2026-11-21");
  });

  it("refuses an unknown zone", () => {
    expect(() => todayIn(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });

  it("converts wall-clock timestamps of the WHMCS zone to UTC", () => {
    expect(wallClockToUtc("2016-01-01 06:41:11", "UTC")).toBe("2016-01-01T06:41:11.000Z");
    expect(wallClockToUtc("2016-01-01 06:41:11", "Asia/Tokyo")).toBe("2015-12-31T21:41:11.000Z");
    // New York is on daylight time (UTC−4) in July and standard time (UTC−5) in January.
    expect(wallClockToUtc("2026-07-01 12:00:00", "America/New_York")).toBe(
      "2026-07-01T16:00:00.000Z",
    );
    expect(wallClockToUtc("2026-01-01 12:00:00", "America/New_York")).toBe(
      "2026-01-01T17:00:00.000Z",
    );
    expect(wallClockToUtc("2026-01-01", "UTC")).toBe("2026-01-01T00:00:00.000Z");
  });

  it("refuses something that is not a timestamp", () => {
    expect(() => wallClockToUtc("01/01/2016", "UTC")).toThrow(RangeError);
  });
});
