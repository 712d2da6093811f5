import { type UpstreamLogger, type UpstreamObserver } from "@portal/integration-core";
import { type WhmcsCustomFieldIds } from "../mappers/custom-fields.js";

/**
 * The product custom field that carries the portal's order reference (the Salesforce Order id)
 * on every service of an order it places (decision 0060); the sandbox's products have it.
 */
export const DEFAULT_ORDER_REFERENCE_FIELD = "Salesforce Order ID";

/**
 * Settings of a `WhmcsClient`. Environment variables in docs/architecture/wiring.md.
 * Credentials never appear in logs or errors.
 */
export interface WhmcsClientConfig {
  /** WHMCS root URL, e.g. `https://billing.example.jp`; calls go to `<baseUrl>/includes/api.php`. */
  baseUrl: string;
  /** API credential identifier (`WHMCS_API_IDENTIFIER`). */
  identifier: string;
  /** API credential secret (`WHMCS_API_SECRET`). */
  secret: string;
  /** Optional `accesskey` that lets calls bypass the WHMCS API IP allow-list. */
  accessKey?: string;
  /** The client custom fields that hold the katakana readings of the names. */
  customFields: WhmcsCustomFieldIds;
  /**
   * Name of the product custom field (on every product the portal orders, "Show on Order Form"
   * ticked) that holds the Salesforce Order id. Default {@link DEFAULT_ORDER_REFERENCE_FIELD}.
   */
  orderReferenceFieldName?: string;
  /** Time limit of one HTTP attempt, milliseconds (time waiting in the throttle not included). */
  timeoutMs: number;
  /** Most calls in flight at once. */
  concurrency: number;
  /** Most calls started per second. */
  ratePerSecond: number;
  /** Extra attempts for a read after an `unavailable` failure (writes are never retried). */
  readRetries: number;
  /**
   * Delay before the first retry of a read, milliseconds; doubled on each further retry, times a
   * random factor between 1 and 2 (jitter), capped at 10 s. Default 250.
   */
  retryBaseDelayMs?: number;
  /**
   * IANA time zone WHMCS writes its timestamps in (its PHP/server zone), e.g. `"Asia/Tokyo"`;
   * used to turn payment timestamps into UTC instants and to take "today" for the overdue rule
   * (WHMCS due dates are dates of that zone). Default `"UTC"`.
   */
  timeZone?: string;
  /** Clock, for "today" (overdue invoices) and SSO link expiry. Default `() => new Date()`. */
  now?: () => Date;
  /** HTTP implementation. Default the global `fetch`. */
  fetch?: typeof fetch;
  /** Where retries and rejected answers are reported. Default: nowhere. */
  logger?: UpstreamLogger;
  /** Told about every HTTP call to WHMCS (for metrics). Default: nobody. */
  observer?: UpstreamObserver;
}
