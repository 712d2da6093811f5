import { describe, expect, it } from "vitest";
import { errorFromRestResponse } from "./rest-error-response.js";

const body = (errorCode: string, message = "m") =>
  JSON.stringify([{ message, errorCode, fields: [] }]);

describe("errorFromRestResponse", () => {
  it.each([
    [401, body("INVALID_SESSION_ID"), "auth", "INVALID_SESSION_ID"],
    [403, body("INSUFFICIENT_ACCESS"), "auth", "INSUFFICIENT_ACCESS"],
    [403, body("REQUEST_LIMIT_EXCEEDED"), "unavailable", "REQUEST_LIMIT_EXCEEDED"],
    [400, body("MALFORMED_QUERY"), "rejected", "MALFORMED_QUERY"],
    [404, body("NOT_FOUND"), "rejected", "NOT_FOUND"],
    [429, "", "unavailable", undefined],
    [500, body("UNKNOWN_EXCEPTION"), "unavailable", "UNKNOWN_EXCEPTION"],
    [503, "<html>Service Unavailable</html>", "unavailable", undefined],
  ])("HTTP %i %s → %s", (status, text, kind, errorCode) => {
    expect(errorFromRestResponse("query", status, text)).toMatchObject({
      kind,
      operation: "query",
      vendorCode: errorCode,
      httpStatus: status,
    });
  });

  it("keeps the first error's message for logs", () => {
    const text = JSON.stringify([
      { message: "Bad field", errorCode: "INVALID_FIELD" },
      { message: "Second", errorCode: "OTHER" },
    ]);
    expect(errorFromRestResponse("query", 400, text)).toMatchObject({
      vendorCode: "INVALID_FIELD",
      vendorMessage: "Bad field",
    });
  });
});
