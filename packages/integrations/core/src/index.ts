/**
 * @portal/integration-core — the upstream kit every integration client shares (DESIGN.md §2):
 * the error base the BFF translates with one rule, the per-system throttle with named lanes, the
 * read retry policy, the logger interface and the per-call observer hook for metrics.
 */
export {
  UpstreamError,
  type UpstreamErrorDetails,
  type UpstreamErrorInit,
  type UpstreamErrorKind,
  type UpstreamSystem,
} from "./errors/upstream-error.js";
export {
  createThrottle,
  type Throttle,
  type ThrottleLane,
  type ThrottleOptions,
} from "./throttle/throttle.js";
export {
  withReadRetry,
  isTransientFailure,
  type CallAccess,
  type RetryOptions,
} from "./retry/read-retry.js";
export { silentLogger, type UpstreamLogger } from "./logging/upstream-logger.js";
export {
  noopObserver,
  type UpstreamCallRecord,
  type UpstreamObserver,
} from "./observe/upstream-observer.js";
