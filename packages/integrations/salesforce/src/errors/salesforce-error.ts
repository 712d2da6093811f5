/**
 * How a Salesforce call failed, as callers need to react to it:
 * - `unavailable`: Salesforce could not be reached or answered 5xx/429, the call timed out, or the org's
 *   daily API request limit is spent (`errorCode: "REQUEST_LIMIT_EXCEEDED"`). Show "try again later".
 * - `rejected`: Salesforce refused the request (4xx such as `NOT_FOUND`, `MALFORMED_QUERY`,
 *   `FIELD_CUSTOM_VALIDATION_EXCEPTION`), or the client refused to send it because an argument is not a
 *   valid customer number or record Id.
 * - `malformed`: a success response that is not the documented shape, or data the portal cannot use
 *   (e.g. one customer number on two Accounts).
 * - `auth`: the JWT bearer sign-in failed or the integration user lacks access (401/403).
 */
export type SalesforceErrorKind = "unavailable" | "rejected" | "malformed" | "auth";

/** What Salesforce said about a failure, when it said anything. */
export interface SalesforceErrorDetails {
  /** Salesforce `errorCode` (REST) or OAuth `error` (token endpoint), e.g. `INVALID_SESSION_ID`, `invalid_grant`. */
  errorCode?: string;
  /** Salesforce's own `message` / `error_description`; for logs only, never for customers. */
  upstreamMessage?: string;
  /** HTTP status of the response, absent when there was no response (network error, timeout). */
  httpStatus?: number;
  /** The underlying error (network failure, zod issues), for logs. */
  cause?: unknown;
}

/**
 * The only error `@portal/salesforce` throws from its client methods.
 * REST failures arrive as arrays of `{ message, errorCode, fields }`; the first entry is kept.
 * Source: Salesforce REST API Developer Guide, "Status Codes and Error Responses"
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm).
 */
export class SalesforceError extends Error {
  override readonly name = "SalesforceError";
  readonly kind: SalesforceErrorKind;
  readonly errorCode?: string;
  readonly upstreamMessage?: string;
  readonly httpStatus?: number;

  constructor(kind: SalesforceErrorKind, message: string, details: SalesforceErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.errorCode = details.errorCode;
    this.upstreamMessage = details.upstreamMessage;
    this.httpStatus = details.httpStatus;
  }
}
