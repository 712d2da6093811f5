import { describe, expect, it } from "vitest";
import { UpstreamError } from "../src/index.js";

class VendorError extends UpstreamError {
  override readonly name = "VendorError";
}

describe("UpstreamError", () => {
  it("carries the system, kind, operation and what the vendor said", () => {
    const cause = new Error("socket hang up");
    const error = new UpstreamError({
      system: "salesforce",
      kind: "auth",
      operation: "signIn",
      httpStatus: 400,
      vendorCode: "invalid_grant",
      vendorMessage: "user hasn't approved this consumer",
      cause,
    });
    expect(error).toMatchObject({
      name: "UpstreamError",
      system: "salesforce",
      kind: "auth",
      operation: "signIn",
      httpStatus: 400,
      vendorCode: "invalid_grant",
      vendorMessage: "user hasn't approved this consumer",
      cause,
    });
  });

  it("keeps vendor text out of the default message", () => {
    const error = new UpstreamError({
      system: "whmcs",
      kind: "rejected",
      operation: "GetInvoice",
      httpStatus: 200,
      vendorMessage: "Invoice ID Not Found for taro@example.jp",
    });
    expect(error.message).toBe("whmcs GetInvoice rejected (HTTP 200)");
    expect(
      new UpstreamError({ system: "whmcs", kind: "unavailable", operation: "X" }).message,
    ).toBe("whmcs X unavailable");
  });

  it("is the base a system's own error extends", () => {
    const error = new VendorError({ system: "freebit", kind: "malformed", operation: "auth" });
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.name).toBe("VendorError");
  });
});
