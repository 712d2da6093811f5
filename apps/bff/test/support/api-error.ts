import { apiErrorSchema, type ApiError, type ErrorCode } from "@portal/domain";
import { expect } from "vitest";
import { type TestResponse } from "./http-session.js";

/**
 * Asserts that `response` is the API error envelope (docs/api.md) with `status` and `code`, that
 * its `requestId` is the `x-request-id` header, and that it leaks no stack trace. Returns the
 * parsed error for further checks.
 */
export function expectApiError(
  response: TestResponse,
  status: number,
  code: ErrorCode,
): ApiError["error"] {
  expect({ status: response.status, body: response.json }).toMatchObject({
    status,
    body: { error: { code } },
  });
  const { error } = apiErrorSchema.parse(response.json);
  expect(error.requestId).toBe(response.headers.get("x-request-id"));
  expect(response.text.toLowerCase()).not.toContain("stack");
  return error;
}
