import { type UpstreamLogger, type UpstreamObserver } from "@portal/integration-core";

/** Limits of the lane for long-running calls (composite order creation, attachment uploads). */
export interface LongRunningLane {
  /** Long-running calls in flight at once. Default 1. */
  concurrency: number;
  /** Time limit of one long-running call, milliseconds. Default 120 000. */
  timeoutMs: number;
}

/**
 * Settings of `SalesforceClient`; the BFF fills them from its `SF_*` environment variables
 * (README "Configuration", `.env.example`).
 */
export interface SalesforceClientConfig {
  /** `SF_LOGIN_URL`: `https://login.salesforce.com`, `https://test.salesforce.com` or My Domain; the token endpoint's host. */
  loginUrl: string;
  /**
   * `SF_JWT_AUDIENCE`: the JWT `aud`, `https://login.salesforce.com` (production orgs) or
   * `https://test.salesforce.com` (sandbox orgs). Not the login URL: many orgs refuse a My Domain
   * URL as audience. Source: Salesforce Help, "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration".
   */
  audience: string;
  /** `SF_CLIENT_ID`: connected app consumer key; the JWT `iss`. */
  clientId: string;
  /** `SF_USERNAME`: integration user; the JWT `sub`. */
  username: string;
  /** RSA private key of the connected app's certificate, PEM (PKCS#8 or PKCS#1); see `loadPrivateKey`. */
  privateKeyPem: string;
  /** `SF_API_VERSION`: REST API version without the `v`, e.g. `"62.0"`. */
  apiVersion: string;
  /** `SF_TIMEOUT_MS`: per-call timeout in milliseconds; a call that takes longer fails as `unavailable`. */
  timeoutMs: number;
  /** `SF_CONCURRENCY`: calls in flight at once (default lane). */
  concurrency: number;
  /** `SF_RATE_PER_SECOND`: calls started per second, at most (per lane). */
  ratePerSecond: number;
  /** `SF_READ_RETRIES`: extra attempts of a read after a transient failure (writes are never retried). */
  readRetries: number;
  /**
   * Rows per query batch, asked with `Sforce-Query-Options: batchSize=` (200–2,000; Salesforce takes
   * it as a hint); Salesforce's default of 2,000 when absent. Source: REST API Developer Guide,
   * "Query Options Header".
   */
  queryBatchSize?: number;
  /** The second lane, for long-running calls; defaults `{ concurrency: 1, timeoutMs: 120_000 }`. */
  longRunning?: LongRunningLane;
  /** HTTP client; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Receives retry and re-sign-in warnings and debug traces; silent when absent. */
  logger?: UpstreamLogger;
  /** Told about every HTTP call to Salesforce, sign-ins included (for metrics); nobody when absent. */
  observer?: UpstreamObserver;
}
