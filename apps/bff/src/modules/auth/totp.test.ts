import { describe, expect, it } from "vitest";
import { matchTotpStep, newTotpSecret, totpCodeAt, totpUri } from "./totp.js";

/** RFC 6238 Appendix B's SHA-1 key, "12345678901234567890", in base32. */
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("computes the RFC 6238 test vector (T = 59 s → 94287082, last 6 digits)", () => {
    expect(totpCodeAt(RFC_SECRET, new Date(59_000))).toBe("287082");
  });

  it("accepts codes from one step either side of now and names their step", () => {
    const now = new Date("2026-12-01T12:00:15Z");
    const step = Math.floor(now.getTime() / 30_000);
    for (const offset of [-1, 0, 1]) {
      const code = totpCodeAt(RFC_SECRET, new Date(now.getTime() + offset * 30_000));
      expect(matchTotpStep(RFC_SECRET, code, now)).toBe(step + offset);
    }
  });

  it("refuses codes two steps away and wrong codes", () => {
    const now = new Date("2026-12-01T12:00:15Z");
    const early = totpCodeAt(RFC_SECRET, new Date(now.getTime() - 60_000));
    const late = totpCodeAt(RFC_SECRET, new Date(now.getTime() + 60_000));
    expect(matchTotpStep(RFC_SECRET, early, now)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, late, now)).toBeNull();
    const right = totpCodeAt(RFC_SECRET, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    expect(matchTotpStep(RFC_SECRET, wrong, now)).toBeNull();
  });

  it("makes 160-bit base32 secrets and an otpauth URI naming the issuer and account", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "demo@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Portal");
    expect(decodeURIComponent(uri.pathname)).toContain("demo@example.com");
  });
});
