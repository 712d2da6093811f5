import PQueue from "p-queue";
import { UpstreamError, type UpstreamSystem } from "../errors/upstream-error.js";
import {
  noopObserver,
  type UpstreamCallRecord,
  type UpstreamObserver,
} from "../observe/upstream-observer.js";

/** Limits of one lane: its own queue, independent of the system's other lanes. */
export interface ThrottleLane {
  /** Calls in flight at once. */
  concurrency: number;
  /** Calls started per second, at most. */
  ratePerSecond: number;
  /**
   * A call running longer than this (milliseconds, from its start, not its wait) fails as
   * `unavailable`. Absent: the call's own timeout (e.g. its `AbortSignal`) is the only one.
   */
  timeoutMs?: number;
}

/** A system's throttle and where its calls are reported. */
export interface ThrottleOptions<Lane extends string> {
  system: UpstreamSystem;
  /** Named lanes, e.g. `{ default, longRunning }`; each gets its own queue. */
  lanes: Record<Lane, ThrottleLane>;
  /** Receives one record per call; default: none. */
  observer?: UpstreamObserver;
  /**
   * Builds the `unavailable` error of a call that outlived its lane's timeout, so it is the system's
   * own subclass (e.g. `SalesforceError`); default: a plain `UpstreamError`.
   */
  timeoutError?: (operation: string, message: string, cause: unknown) => UpstreamError;
}

/**
 * Runs one upstream call in `lane` and resolves or rejects with the call's own outcome; rejects
 * with `UpstreamError` (`unavailable`) when the lane's `timeoutMs` passes first.
 */
export type Throttle<Lane extends string> = <T>(
  lane: Lane,
  operation: string,
  call: () => Promise<T>,
) => Promise<T>;

/**
 * One throttle per system (p-queue per lane: concurrency, per-second cap, timeout), so the portal
 * stays inside its share of the vendor's limits; a slow lane (Salesforce composite orders, uploads)
 * cannot starve the quick reads of another. Every call is reported to `observer` when it ends.
 * Source: DESIGN.md §5 "Upstream calls go through one throttle per system ... Salesforce has a second
 * queue for long-running calls".
 */
export function createThrottle<Lane extends string>(
  options: ThrottleOptions<Lane>,
): Throttle<Lane> {
  const { system } = options;
  const observer = options.observer ?? noopObserver;
  const queues = new Map<Lane, { queue: PQueue; timeoutMs?: number }>();
  for (const [lane, limits] of Object.entries(options.lanes) as [Lane, ThrottleLane][]) {
    const queue = new PQueue({
      concurrency: limits.concurrency,
      intervalCap: limits.ratePerSecond,
      interval: 1000,
      timeout: limits.timeoutMs,
    });
    queues.set(lane, { queue, timeoutMs: limits.timeoutMs });
  }

  return async <T>(lane: Lane, operation: string, call: () => Promise<T>): Promise<T> => {
    const entry = queues.get(lane);
    if (!entry) throw new TypeError(`Unknown ${system} throttle lane "${lane}"`);
    // Reported once: by the call when it settles, or by the timeout when that comes first.
    let started: number | undefined;
    const report = (outcome: UpstreamCallRecord["outcome"], httpStatus?: number) => {
      if (started === undefined) return;
      observer.callFinished({
        system,
        operation,
        outcome,
        durationMs: Math.round(performance.now() - started),
        ...(httpStatus === undefined ? {} : { httpStatus }),
      });
      started = undefined;
    };
    const observed = async (): Promise<T> => {
      started = performance.now();
      try {
        const result = await call();
        report("ok");
        return result;
      } catch (error) {
        const upstream = error instanceof UpstreamError ? error : undefined;
        report(upstream?.kind ?? "malformed", upstream?.httpStatus);
        throw error;
      }
    };
    try {
      return await entry.queue.add(observed, { throwOnTimeout: true });
    } catch (error) {
      // p-queue rejects with p-timeout's TimeoutError, which p-queue does not re-export.
      if (error instanceof Error && error.name === "TimeoutError") {
        report("unavailable");
        const message = `${system} ${operation} timed out after ${entry.timeoutMs} ms`;
        throw options.timeoutError
          ? options.timeoutError(operation, message, error)
          : new UpstreamError({ system, kind: "unavailable", operation, message, cause: error });
      }
      throw error;
    }
  };
}
