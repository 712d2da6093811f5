import pRetry from "p-retry";
import { UpstreamError } from "../errors/upstream-error.js";
import { silentLogger, type UpstreamLogger } from "../logging/upstream-logger.js";

/** Default delay before the first retry, milliseconds. */
const DEFAULT_MIN_DELAY_MS = 250;
/** Default cap of one delay, milliseconds. */
const DEFAULT_MAX_DELAY_MS = 2000;

/** What the call does to the upstream: only reads may be repeated. */
export type CallAccess = "read" | "write";

/** How a call is retried. */
export interface RetryOptions {
  /** `read` calls are retried; `write` calls are sent once, whatever happens. */
  access: CallAccess;
  /** For the log line, e.g. `"GetInvoices"`. */
  operation: string;
  /** Extra attempts after the first one (0: none). */
  retries: number;
  /** Delay before the first retry in ms (default 250); doubled on each further retry. */
  minDelayMs?: number;
  /** Cap of one delay in ms (default 2000), applied after the jitter. */
  maxDelayMs?: number;
  /** Receives a warning per retry; default: none. */
  logger?: UpstreamLogger;
}

/**
 * Whether a failure is worth repeating: an `UpstreamError` of kind `unavailable` without an answer
 * (network error, timeout) or with HTTP 5xx/429. An `unavailable` answer with another status (a spent
 * daily allowance, Salesforce `REQUEST_LIMIT_EXCEEDED` on 403) is not: more calls only make it worse.
 */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof UpstreamError) || error.kind !== "unavailable") return false;
  const status = error.httpStatus;
  return status === undefined || status === 429 || status >= 500;
}

/**
 * The one read retry policy: runs `call`, and when it is a read that failed transiently
 * ({@link isTransientFailure}) runs it again up to `retries` times, waiting `minDelayMs × 2^n`
 * multiplied by a random factor between 1 and 2 (jitter, so callers that failed together do not
 * retry together), capped at `maxDelayMs`. Writes run exactly once: DESIGN.md §5 "writes are never
 * blindly retried — they are made idempotent first". Rejects with the last attempt's error.
 */
export function withReadRetry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  if (options.access === "write" || options.retries <= 0) return call();
  const logger = options.logger ?? silentLogger;
  return pRetry(call, {
    retries: options.retries,
    factor: 2,
    minTimeout: options.minDelayMs ?? DEFAULT_MIN_DELAY_MS,
    maxTimeout: options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
    randomize: true,
    shouldRetry: ({ error, retriesLeft }) => {
      const transient = isTransientFailure(error);
      if (transient && error instanceof UpstreamError) {
        logger.warn(
          {
            system: error.system,
            operation: options.operation,
            httpStatus: error.httpStatus,
            vendorCode: error.vendorCode,
            reason: error.vendorMessage,
            retriesLeft,
          },
          `${error.system} read failed, retrying`,
        );
      }
      return transient;
    },
  });
}
