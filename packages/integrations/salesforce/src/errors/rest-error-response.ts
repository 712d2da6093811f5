import { restErrorListSchema } from "../raw/rest-error.js";
import { type UpstreamErrorKind } from "@portal/integration-core";
import { fetchFailure } from "./fetch-failure.js";
import { RestFailure } from "./rest-failure.js";
import { SalesforceError } from "./salesforce-error.js";

/**
 * Salesforce's error code when the org's rolling 24-hour API request allowance is spent (HTTP 403).
 * Retrying cannot help until the allowance recovers, so it fails fast as `unavailable`.
 * Source: REST API Developer Guide, "Status Codes and Error Responses" / "API Request Limits and Allocations".
 */
export const REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";

/**
 * Salesforce's error code (HTTP 401) when the access token has expired or was revoked; the cure is a
 * new JWT bearer sign-in. Source: REST API Developer Guide, "Status Codes and Error Responses".
 */
export const INVALID_SESSION_ID = "INVALID_SESSION_ID";

/**
 * Translates a REST API error response (status ≥ 400, body `[{ message, errorCode, fields }]`) into a
 * `SalesforceError`: daily limit → `unavailable`; 401/403 → `auth` (`INVALID_SESSION_ID` is the
 * expired-token case the client recovers from); 429/5xx → `unavailable`; other 4xx → `rejected`.
 * A body that is not the documented array (an HTML error page from a proxy) still classifies by status.
 * Source: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export function errorFromRestResponse(
  operation: string,
  httpStatus: number,
  body: string,
): SalesforceError {
  const first = parseErrorList(body)?.[0];
  const errorCode = first?.errorCode;
  const kind = classify(httpStatus, errorCode);
  const message = `Salesforce answered HTTP ${httpStatus}${errorCode ? ` ${errorCode}` : ""}`;
  return new SalesforceError(kind, operation, {
    message,
    vendorCode: errorCode,
    vendorMessage: first?.message,
    httpStatus,
  });
}

function classify(httpStatus: number, errorCode: string | undefined): UpstreamErrorKind {
  if (errorCode === REQUEST_LIMIT_EXCEEDED) return "unavailable";
  if (httpStatus === 401 || httpStatus === 403) return "auth";
  if (httpStatus === 429 || httpStatus >= 500) return "unavailable";
  return "rejected";
}

function parseErrorList(body: string) {
  try {
    const parsed = restErrorListSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a REST call of `operation` failed with, as a `SalesforceError`: a `RestFailure` from the
 * transport is translated (error response → {@link errorFromRestResponse}, no response →
 * `unavailable`); anything else is returned as it is.
 */
export function toSalesforceError(operation: string, error: unknown): unknown {
  if (!(error instanceof RestFailure)) return error;
  return error.response
    ? errorFromRestResponse(operation, error.response.status, error.response.body)
    : fetchFailure(operation, error.cause, "REST API");
}
