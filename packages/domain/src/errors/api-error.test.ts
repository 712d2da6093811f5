import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiErrorSchema, fieldErrorsFromIssues } from "./api-error.js";
import { errorCodeSchema, errorStatus } from "./error-code.js";

describe("fieldErrorsFromIssues", () => {
  it("joins nested paths with dots, array indexes included", () => {
    expect(
      fieldErrorsFromIssues([
        { path: ["address", "postcode"], message: "Bad postcode" },
        { path: ["items", 0, "amount"], message: "Bad amount" },
      ]),
    ).toEqual({ "address.postcode": "Bad postcode", "items.0.amount": "Bad amount" });
  });

  it("keeps the first message per path", () => {
    expect(
      fieldErrorsFromIssues([
        { path: ["password"], message: "Use at least 10 characters" },
        { path: ["password"], message: "Include at least one digit" },
      ]),
    ).toEqual({ password: "Use at least 10 characters" });
  });

  it("keys issues on the whole body as _root", () => {
    expect(fieldErrorsFromIssues([{ path: [], message: "Expected an object" }])).toEqual({
      _root: "Expected an object",
    });
  });

  it("returns an empty map for no issues", () => {
    expect(fieldErrorsFromIssues([])).toEqual({});
  });

  it("reads zod's own issues", () => {
    const result = z.object({ email: z.email() }).safeParse({ email: 123 });
    expect(Object.keys(fieldErrorsFromIssues(result.error?.issues ?? []))).toEqual(["email"]);
  });
});

describe("apiErrorSchema", () => {
  it("accepts the envelope with optional fields", () => {
    const body = {
      error: {
        code: "VALIDATION_FAILED",
        message: "Check the form",
        fields: { email: "Bad" },
        requestId: "r1",
      },
    };
    expect(apiErrorSchema.parse(body)).toEqual(body);
  });

  it("rejects an unknown code and a missing request id", () => {
    expect(
      apiErrorSchema.safeParse({ error: { code: "OOPS", message: "x", requestId: "r" } }).success,
    ).toBe(false);
    expect(apiErrorSchema.safeParse({ error: { code: "INTERNAL", message: "x" } }).success).toBe(
      false,
    );
  });
});

describe("errorStatus", () => {
  it("maps every code to an HTTP error status", () => {
    for (const code of errorCodeSchema.options) {
      expect(errorStatus[code], code).toBeGreaterThanOrEqual(400);
      expect(errorStatus[code], code).toBeLessThan(600);
    }
  });

  it.each([
    ["UPSTREAM_UNAVAILABLE", 503],
    ["UPSTREAM_ERROR", 502],
    ["ACCOUNT_LOCKED", 423],
    ["CSRF_INVALID", 403],
    ["PAYLOAD_TOO_LARGE", 413],
  ] as const)("%s → %i", (code, status) => {
    expect(errorStatus[code]).toBe(status);
  });
});
