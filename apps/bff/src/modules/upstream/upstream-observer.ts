import { noopObserver, type UpstreamObserver } from "@portal/integration-core";

/**
 * Injection token of the `UpstreamObserver` both upstream clients report every call to (system,
 * operation, outcome, duration). The default provider is the kit's no-op; a metrics module replaces
 * it (e.g. with Prometheus counters and histograms) by providing this token.
 */
export const UPSTREAM_OBSERVER = Symbol("UPSTREAM_OBSERVER");

/** The observer used until metrics are wired: drops every record. */
export const defaultUpstreamObserver: UpstreamObserver = noopObserver;
