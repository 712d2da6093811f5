/**
 * Why a WHMCS call failed:
 * - `unavailable`: WHMCS could not be reached or did not answer in time — network error, timeout,
 *   HTTP 5xx or 429 (reads: after their retries). Worth trying again later.
 * - `rejected`: WHMCS answered `{"result":"error","message":…}` (bad input, unknown id, auth).
 * - `malformed`: the answer was not JSON, not a WHMCS envelope, or not the documented shape.
 */
export type WhmcsErrorKind = "unavailable" | "rejected" | "malformed";

/** Details of a failed WHMCS call, all optional. */
export interface WhmcsErrorDetails {
  /** WHMCS's own error text or the transport's reason: for logs only, never for customers. */
  upstreamMessage?: string;
  /** HTTP status of the answer, when there was one. */
  httpStatus?: number;
  /** The underlying error (network failure, zod issues). */
  cause?: unknown;
}

/**
 * The one error type `WhmcsClient` throws. `message` names the action and the kind but never
 * carries WHMCS text, so it is safe to log anywhere; map `kind` to the user-facing outcome
 * (unavailable → "try again later", malformed → bad upstream answer).
 */
export class WhmcsError extends Error {
  override readonly name = "WhmcsError";
  readonly kind: WhmcsErrorKind;
  /** The WHMCS API action, e.g. `"GetInvoice"`. */
  readonly action: string;
  readonly upstreamMessage?: string;
  readonly httpStatus?: number;

  constructor(kind: WhmcsErrorKind, action: string, details: WhmcsErrorDetails = {}) {
    const status = details.httpStatus === undefined ? "" : ` (HTTP ${details.httpStatus})`;
    super(`WHMCS ${action} ${kind}${status}`, { cause: details.cause });
    this.kind = kind;
    this.action = action;
    this.upstreamMessage = details.upstreamMessage;
    this.httpStatus = details.httpStatus;
  }
}
