/**
 * Injection token of the `UpstreamObserver` both upstream clients report every call to (system,
 * operation, outcome, duration). Provided by the upstream module with the metrics module's observer
 * (Prometheus counters and histograms).
 */
export const UPSTREAM_OBSERVER = Symbol("UPSTREAM_OBSERVER");
