import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it.each([
    ["/billing/invoices?page=2", "/billing/invoices?page=2"],
    ["/billing/invoices/1013#items", "/billing/invoices/1013#items"],
    ["/dashboard/../billing/invoices", "/billing/invoices"],
  ])("follows the same-site path %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    null,
    "",
    "dashboard",
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "javascript:alert(1)",
    "/.//evil.example",
    "/./\\evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/./\t/evil.example",
    "/.//evil.example/dashboard?x=1",
    "//evil.example/%2e%2e",
    "/\\\\evil.example",
  ])("refuses %j and falls back to the dashboard", (next) => {
    expect(safeNextPath(next)).toBe("/dashboard");
  });
});
