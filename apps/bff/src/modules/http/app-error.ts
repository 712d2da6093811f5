import { type ErrorCode, errorStatus } from "@portal/domain";

/** What an {@link AppError} may carry besides its code and message. */
export interface AppErrorOptions {
  /** Per-field messages keyed by dotted request path (`"address.postcode"`). */
  fields?: Record<string, string>;
  /** Response headers to send with the error (e.g. `Retry-After`). */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * A failure the customer may see: one `ErrorCode` of `@portal/domain` (which fixes the HTTP
 * status, `errorStatus`) and a message safe to show. Services throw it; the global exception
 * filter turns it into the error envelope of docs/api.md.
 */
export class AppError extends Error {
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.fields = options.fields;
    this.headers = options.headers ?? {};
  }

  /** The HTTP status of {@link code}. */
  get status(): number {
    return errorStatus[this.code];
  }
}
