import { UpstreamError, type UpstreamErrorKind } from "@portal/integration-core";
import { SalesforceError } from "@portal/salesforce";
import { WhmcsError } from "@portal/whmcs";
import { describe, expect, it } from "vitest";
import { translateUpstreamError } from "./upstream-error.translator.js";

describe("translateUpstreamError", () => {
  it.each<[UpstreamErrorKind, string]>([
    ["unavailable", "UPSTREAM_UNAVAILABLE"],
    ["rejected", "UPSTREAM_ERROR"],
    ["malformed", "UPSTREAM_ERROR"],
    ["auth", "UPSTREAM_ERROR"],
  ])("translates %s from any system with one rule → %s", (kind, code) => {
    for (const error of [
      new WhmcsError(kind, "GetInvoices"),
      new SalesforceError(kind, "getAccount"),
      new UpstreamError({ system: "freebit", kind, operation: "getSimDetails" }),
    ]) {
      expect(translateUpstreamError(error)).toMatchObject({ code, cause: error });
    }
  });

  it("names the system in the customer's words, never with the vendor's text", () => {
    const error = new SalesforceError("unavailable", "getAccount", {
      vendorMessage: "TotalRequests Limit exceeded.",
    });
    const translated = translateUpstreamError(error);
    expect(translated?.message).toBe(
      "Your customer record is temporarily unavailable. Please try again in a few minutes.",
    );
    expect(translated?.message).not.toContain("TotalRequests");
    expect(translateUpstreamError(new WhmcsError("rejected", "GetInvoice"))?.message).toMatch(
      /^Billing answered in a way we did not expect/,
    );
  });

  it("leaves other errors alone", () => {
    expect(translateUpstreamError(new Error("boom"))).toBeNull();
  });
});
