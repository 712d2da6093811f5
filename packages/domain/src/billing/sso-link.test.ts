import { describe, expect, it } from "vitest";
import { ssoLinkSchema } from "./sso-link.js";

const expiresAt = "2026-12-01T10:00:00Z";

describe("ssoLinkSchema", () => {
  it.each([
    "https://billing.example.jp/oauth/singlesignon.php?access_token=abc",
    "http://127.0.0.1:4010/whmcs/oauth/singlesignon.php?access_token=abc",
    "http://localhost:4010/whmcs/viewinvoice.php?id=1",
  ])("accepts the payment page %s", (url) => {
    expect(ssoLinkSchema.safeParse({ url, expiresAt }).success).toBe(true);
  });

  it.each([
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "http://billing.example.jp/oauth/singlesignon.php",
    "ftp://billing.example.jp/",
    "file:///etc/passwd",
    "http://127.0.0.1.evil.example/",
  ])("refuses %s, which the portal would otherwise follow", (url) => {
    expect(ssoLinkSchema.safeParse({ url, expiresAt }).success).toBe(false);
  });
});
