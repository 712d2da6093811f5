import { type ErrorCode } from "@portal/domain";

/** What the portal knows about a failed BFF call; see {@link ApiClientError}. */
export interface ApiClientErrorDetails {
  /** HTTP status, or 0 when the server could not be reached. */
  status: number;
  code: ErrorCode;
  /**
   * The BFF's English message, for logs and API users. Customers read the localized message for
   * `code` instead (`useErrorMessage`, docs/decisions/0016-localized-messages-by-code.md).
   */
  message: string;
  /** Dotted request field path (`"address.postcode"`) → English message; the path marks the field. */
  fields: Record<string, string>;
  /** The BFF's request id (envelope `requestId` or `x-request-id` header), for support. */
  requestId: string | null;
  /** Seconds from the `Retry-After` header (423 ACCOUNT_LOCKED, 429 RATE_LIMITED), if sent. */
  retryAfterSeconds: number | null;
}

/**
 * A failed call to the BFF, built from its error envelope
 * `{ error: { code, message, fields?, requestId } }` (`@portal/domain` `apiErrorSchema`,
 * docs/api.md). Components branch on `code`, never on `message`.
 */
export class ApiClientError extends Error implements ApiClientErrorDetails {
  override readonly name = "ApiClientError";
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(details: ApiClientErrorDetails) {
    super(details.message);
    this.status = details.status;
    this.code = details.code;
    this.fields = details.fields;
    this.requestId = details.requestId;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** Whether `error` is an {@link ApiClientError}, optionally with one of `codes`. */
export function isApiClientError(error: unknown, ...codes: ErrorCode[]): error is ApiClientError {
  return error instanceof ApiClientError && (codes.length === 0 || codes.includes(error.code));
}
