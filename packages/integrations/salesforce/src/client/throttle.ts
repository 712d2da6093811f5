import PQueue from "p-queue";
import { SalesforceError } from "../errors/salesforce-error.js";

/** Runs one upstream call under the throttle; resolves or rejects with the call's own outcome. */
export type Schedule = <T>(call: () => Promise<T>) => Promise<T>;

/** Limits of the throttle. */
export interface ThrottleOptions {
  /** Calls in flight at once. */
  concurrency: number;
  /** Calls started per second, at most. */
  ratePerSecond: number;
  /** A call running longer than this (milliseconds, from its start, not its wait) fails as `unavailable`. */
  timeoutMs: number;
}

/**
 * One queue for every call to the org (sign-in included), so the portal stays inside its share of the
 * org's concurrent and daily API limits. Source: DESIGN.md §5 "one throttle per system".
 */
export function createThrottle(options: ThrottleOptions): Schedule {
  const queue = new PQueue({
    concurrency: options.concurrency,
    intervalCap: options.ratePerSecond,
    interval: 1000,
    timeout: options.timeoutMs,
  });
  return async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await queue.add(call, { throwOnTimeout: true });
    } catch (error) {
      // p-queue rejects with p-timeout's TimeoutError, which p-queue does not re-export.
      if (error instanceof Error && error.name === "TimeoutError") {
        throw new SalesforceError(
          "unavailable",
          `Salesforce call timed out after ${options.timeoutMs} ms`,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  };
}
