import { type UpstreamLogger, type UpstreamObserver } from "@portal/integration-core";

/**
 * Settings of a `FreebitClient` (environment variables `FREEBIT_*`, docs/setup/real-systems.md).
 * Credentials never appear in logs or errors.
 */
export interface FreebitClientConfig {
  /** The API root including `/emptool/api`, e.g. `https://i1.mvno.net/emptool/api` (no trailing slash needed). */
  baseUrl: string;
  /** OEM id and key of the `authOem` call (`FREEBIT_OEM_ID`, `FREEBIT_OEM_KEY`). */
  oemId: string;
  oemKey: string;
  /**
   * The MVNO contract every line registration names (PA02-01, PA05-41 [S]): the master account
   * and its password (`FREEBIT_MASTER_ACCOUNT`, `FREEBIT_MASTER_PASSWORD`), the relation code of
   * PA02-01 (`FREEBIT_RELATION_CODE`) and the delivery code SIM cards ship under
   * (`FREEBIT_DELIVERY_CODE`). Never logged.
   */
  contract: FreebitContract;
  /** How long an `authKey` is used before asking for a new one, ms (the key lives 60 min [A]). Default 50 min. */
  authKeyTtlMs?: number;
  /** Time limit of one HTTP attempt, ms. */
  timeoutMs: number;
  /** Most calls in flight at once. */
  concurrency: number;
  /** Most calls started per second. */
  ratePerSecond: number;
  /** Extra attempts of a read after an `unavailable` failure (activations are never retried). */
  readRetries: number;
  /** Delay before the first retry of a read, ms (doubled each time, with jitter). Default 250. */
  retryBaseDelayMs?: number;
  /** Clock for the authKey's age. Default `() => new Date()`. */
  now?: () => Date;
  /** HTTP implementation. Default the global `fetch`. */
  fetch?: typeof fetch;
  logger?: UpstreamLogger;
  observer?: UpstreamObserver;
}

/** See {@link FreebitClientConfig.contract}. */
export interface FreebitContract {
  masterAccount: string;
  masterPassword: string;
  relationCode: string;
  deliveryCode: string;
}
