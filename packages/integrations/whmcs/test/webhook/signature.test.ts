import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "../../src/index.js";

const SECRET = "whsec-0123456789abcdef0123456789abcdef";
const BODY = JSON.stringify({
  event: "InvoicePaid",
  clientId: 1,
  invoiceId: 1001,
  occurredAt: "2026-11-21T04:26:56Z",
});
const SENT_AT = 1_795_753_616;

function verify(overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) {
  const headers = signWebhook(BODY, SECRET, SENT_AT);
  return verifyWebhookSignature({
    rawBody: BODY,
    timestamp: headers["x-portal-timestamp"],
    signature: headers["x-portal-signature"],
    secret: SECRET,
    nowSeconds: SENT_AT + 10,
    windowSeconds: 300,
    ...overrides,
  });
}

describe("signWebhook", () => {
  it("signs '<timestamp>.<body>' with HMAC-SHA256 as sha256=<hex>", () => {
    const expected = createHmac("sha256", SECRET).update(`${SENT_AT}.${BODY}`).digest("hex");
    expect(signWebhook(BODY, SECRET, SENT_AT)).toEqual({
      "x-portal-timestamp": String(SENT_AT),
      "x-portal-signature": `sha256=${expected}`,
    });
  });
});

describe("verifyWebhookSignature", () => {
  it("accepts a fresh, untouched webhook", () => {
    expect(verify()).toEqual({ ok: true });
  });

  it("accepts an upper-case hex signature", () => {
    const signature = signWebhook(BODY, SECRET, SENT_AT)["x-portal-signature"];
    expect(verify({ signature: `sha256=${signature.slice(7).toUpperCase()}` })).toEqual({
      ok: true,
    });
  });

  it("refuses a tampered body", () => {
    expect(verify({ rawBody: BODY.replace("1001", "1002") })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuses a signature made with another secret", () => {
    expect(verify({ secret: `${SECRET}x` })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a timestamp changed after signing", () => {
    expect(verify({ timestamp: String(SENT_AT + 1) })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses timestamps outside the window either way", () => {
    expect(verify({ nowSeconds: SENT_AT + 300 })).toEqual({ ok: true });
    expect(verify({ nowSeconds: SENT_AT + 301 })).toEqual({ ok: false, reason: "stale" });
    expect(verify({ nowSeconds: SENT_AT - 301 })).toEqual({ ok: false, reason: "stale" });
  });

  it.each([
    ["timestamp", { timestamp: undefined }],
    ["signature", { signature: undefined }],
    ["empty signature", { signature: "" }],
  ])("refuses a missing %s", (_label, overrides) => {
    expect(verify(overrides)).toEqual({ ok: false, reason: "missing" });
  });

  it.each([
    ["a non-numeric timestamp", { timestamp: "yesterday" }],
    ["a signature without the sha256= prefix", { signature: "a".repeat(64) }],
    ["a truncated signature", { signature: `sha256=${"a".repeat(63)}` }],
  ])("refuses %s as malformed", (_label, overrides) => {
    expect(verify(overrides)).toEqual({ ok: false, reason: "malformed" });
  });
});
