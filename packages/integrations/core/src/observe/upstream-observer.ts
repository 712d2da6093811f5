import type { UpstreamErrorKind, UpstreamSystem } from "../errors/upstream-error.js";

/** One finished upstream call: one request sent to the vendor (each retry and sign-in counts). */
export interface UpstreamCallRecord {
  system: UpstreamSystem;
  /** The vendor action or client operation, e.g. `"GetInvoices"`, `"findAccountByCustomerNumber"`. */
  operation: string;
  /** `ok`, or the kind of `UpstreamError` the call failed with (any other error counts as `malformed`). */
  outcome: "ok" | UpstreamErrorKind;
  /** Time from the call's start (after its wait in the throttle) to its end, milliseconds. */
  durationMs: number;
  /** HTTP status of a failed call's answer, when there was one. */
  httpStatus?: number;
}

/**
 * Hook every client calls once per upstream call (from the throttle, so no call escapes it), for
 * metrics such as Prometheus counters and latency histograms. Must not throw, must return quickly.
 */
export interface UpstreamObserver {
  callFinished(record: UpstreamCallRecord): void;
}

/** The observer of a client that was given none. */
export const noopObserver: UpstreamObserver = { callFinished: () => undefined };
