/**
 * The systems of record the portal calls (DESIGN.md §1). A closed union so that every table keyed by
 * system (the BFF's customer-facing names, metrics labels) must name each one.
 */
export type UpstreamSystem = "whmcs" | "salesforce" | "freebit";

/**
 * How an upstream call failed, as callers need to react to it (one vocabulary for every system):
 * - `unavailable`: no answer (network error, timeout), HTTP 5xx or 429, or a spent vendor allowance
 *   (e.g. Salesforce `REQUEST_LIMIT_EXCEEDED`). The customer sees "try again later".
 * - `rejected`: the system refused the request (unknown id, validation rule), or the client refused to
 *   send it because an argument was invalid.
 * - `malformed`: a success answer that is not the documented shape, or data the portal cannot use.
 * - `auth`: the portal's own credentials were refused (sign-in failed, integration user lacks access).
 */
export type UpstreamErrorKind = "unavailable" | "rejected" | "malformed" | "auth";

/** What is known about a failure besides its kind; everything optional. */
export interface UpstreamErrorDetails {
  /** Message of the error; defaults to `"<system> <operation> <kind> (HTTP <status>)"`. Never vendor text. */
  message?: string;
  /** HTTP status of the answer; absent when there was none (network error, timeout, refused before sending). */
  httpStatus?: number;
  /** The vendor's machine-readable code, e.g. Salesforce `INVALID_SESSION_ID`, OAuth `invalid_grant`. */
  vendorCode?: string;
  /** The vendor's own words (WHMCS `message`, Salesforce `message`): for logs only, never for customers. */
  vendorMessage?: string;
  /** The underlying error (network failure, zod issues), for logs. */
  cause?: unknown;
}

/** Everything an `UpstreamError` is built from. */
export interface UpstreamErrorInit extends UpstreamErrorDetails {
  system: UpstreamSystem;
  kind: UpstreamErrorKind;
  /** What the portal was doing: the vendor action or the client's operation, e.g. `"GetInvoice"`, `"signIn"`. */
  operation: string;
}

/**
 * The base of every error an integration client throws, so the BFF translates upstream failures with
 * one rule on `kind` (unavailable → 503, the rest → 502) instead of one branch per system.
 * `message` never carries vendor text, so the error is safe to log anywhere; `vendorMessage` holds it.
 * Source: DESIGN.md §2 "core/ the upstream kit", §7 "a failing upstream gives the user a clear 'try again later'".
 */
export class UpstreamError extends Error {
  override readonly name: string = "UpstreamError";
  readonly system: UpstreamSystem;
  readonly kind: UpstreamErrorKind;
  readonly operation: string;
  readonly httpStatus?: number;
  readonly vendorCode?: string;
  readonly vendorMessage?: string;

  constructor(init: UpstreamErrorInit) {
    super(
      init.message ?? defaultMessage(init),
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.system = init.system;
    this.kind = init.kind;
    this.operation = init.operation;
    this.httpStatus = init.httpStatus;
    this.vendorCode = init.vendorCode;
    this.vendorMessage = init.vendorMessage;
  }
}

function defaultMessage({ system, operation, kind, httpStatus }: UpstreamErrorInit): string {
  const status = httpStatus === undefined ? "" : ` (HTTP ${httpStatus})`;
  return `${system} ${operation} ${kind}${status}`;
}
