import { type ErrorCode, errorStatus } from "@portal/domain";
import { describe, expect, it } from "vitest";
import { ApiClientError } from "@/lib/api/api-client-error";
import { retryTransientOnce } from "@/lib/query/retry-policy";

function failure(code: ErrorCode, status = errorStatus[code]): ApiClientError {
  return new ApiClientError({
    status,
    code,
    message: code,
    fields: {},
    requestId: null,
    retryAfterSeconds: null,
  });
}

describe("retryTransientOnce", () => {
  it("retries once when the BFF could not be reached or failed itself", () => {
    for (const error of [failure("UPSTREAM_UNAVAILABLE", 0), failure("INTERNAL")]) {
      expect(retryTransientOnce(0, error)).toBe(true);
      expect(retryTransientOnce(1, error)).toBe(false);
    }
  });

  it("does not retry an upstream failure the BFF already answered within its time budget", () => {
    expect(retryTransientOnce(0, failure("UPSTREAM_UNAVAILABLE"))).toBe(false);
    expect(retryTransientOnce(0, failure("UPSTREAM_ERROR"))).toBe(false);
  });

  it("does not retry client errors or unknown failures", () => {
    for (const code of ["NOT_FOUND", "UNAUTHENTICATED", "VALIDATION_FAILED"] as const) {
      expect(retryTransientOnce(0, failure(code))).toBe(false);
    }
    expect(retryTransientOnce(0, new Error("boom"))).toBe(false);
  });
});
