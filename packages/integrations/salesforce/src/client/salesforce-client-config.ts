/** Structured logger the client reports to (pino-compatible: object first, message second). */
export interface SalesforceLogger {
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/**
 * Settings of `SalesforceClient`; the BFF fills them from its `SF_*` environment variables
 * (docs/architecture/wiring.md, "Environment variables").
 */
export interface SalesforceClientConfig {
  /** `SF_LOGIN_URL`: `https://login.salesforce.com`, `https://test.salesforce.com` or My Domain; the JWT `aud`. */
  loginUrl: string;
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
  /** `SF_CONCURRENCY`: calls in flight at once. */
  concurrency: number;
  /** `SF_RATE_PER_SECOND`: calls started per second, at most. */
  ratePerSecond: number;
  /** `SF_READ_RETRIES`: extra attempts of a read after a transient failure (writes are never retried). */
  readRetries: number;
  /** HTTP client; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Receives retry and re-sign-in warnings and debug traces; silent when absent. */
  logger?: SalesforceLogger;
}
