import pRetry from "p-retry";
import { REQUEST_LIMIT_EXCEEDED } from "../errors/rest-error-response.js";
import { SalesforceError } from "../errors/salesforce-error.js";
import type { SalesforceLogger } from "./salesforce-client-config.js";

/** First backoff delay; later ones double, each randomised ×1–2 (jitter) and capped at 2 s. */
const MIN_DELAY_MS = 250;
const MAX_DELAY_MS = 2000;

/**
 * Runs a read, retrying it `retries` more times with exponential backoff and jitter when it failed
 * transiently: `unavailable` (network error, timeout, 429/5xx) except `REQUEST_LIMIT_EXCEEDED`, the
 * org's daily allowance, which more calls only make worse. Only for idempotent reads: DESIGN.md §5
 * "writes are never blindly retried".
 */
export function retryRead<T>(
  read: () => Promise<T>,
  options: { retries: number; operation: string; logger: SalesforceLogger },
): Promise<T> {
  return pRetry(read, {
    retries: options.retries,
    minTimeout: MIN_DELAY_MS,
    maxTimeout: MAX_DELAY_MS,
    factor: 2,
    randomize: true,
    shouldRetry: ({ error, retriesLeft }) => {
      const transient = isTransient(error);
      if (transient) {
        options.logger.warn(
          { operation: options.operation, retriesLeft, err: error },
          "Salesforce read failed, retrying",
        );
      }
      return transient;
    },
  });
}

function isTransient(error: Error): boolean {
  return (
    error instanceof SalesforceError &&
    error.kind === "unavailable" &&
    error.errorCode !== REQUEST_LIMIT_EXCEEDED
  );
}
