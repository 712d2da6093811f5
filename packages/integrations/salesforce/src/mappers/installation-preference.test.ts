import { describe, expect, it } from "vitest";
import {
  toInstallationPreference,
  toRawInstallationPreference,
} from "./installation-preference.js";

describe("installation preference text", () => {
  it("writes one line staff can read and reads it back", () => {
    const both = {
      firstChoice: "2026-12-20",
      secondChoice: "2026-12-22",
      timeSlot: "morning",
    } as const;
    const one = { firstChoice: "2027-01-05", secondChoice: null, timeSlot: "afternoon" } as const;

    expect(toRawInstallationPreference(both)).toBe("2026-12-20 morning / 2026-12-22");
    expect(toRawInstallationPreference(one)).toBe("2027-01-05 afternoon");
    expect(toInstallationPreference(toRawInstallationPreference(both))).toEqual(both);
    expect(toInstallationPreference(" 2027-01-05  afternoon ")).toEqual(one);
  });
});
