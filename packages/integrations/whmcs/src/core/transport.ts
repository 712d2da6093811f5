import {
  createThrottle,
  silentLogger,
  withReadRetry,
  type CallAccess,
  type Throttle,
  type UpstreamLogger,
} from "@portal/integration-core";
import { type z } from "zod";
import { whmcsEnvelopeSchema } from "../raw/envelope.js";
import { type WhmcsParams } from "../raw/params.js";
import { type WhmcsClientConfig } from "./config.js";
import { WhmcsError } from "./whmcs-error.js";

/** Longest wait between two attempts of a read, milliseconds. */
const MAX_RETRY_DELAY_MS = 10_000;

/**
 * The WHMCS External API wire: form-encoded POST to `<baseUrl>/includes/api.php` with the API
 * credentials and `responsetype=json` (WHMCS has no session: every call carries them), one throttle
 * lane shared by every call, a time limit per attempt, the kit's read retry policy, and translation
 * of every failure into a `WhmcsError`.
 * Source: WHMCS/developer-docs api/authentication and api-reference/*.md; DESIGN.md §4–5.
 */
export class WhmcsTransport {
  readonly #config: WhmcsClientConfig;
  readonly #endpoint: string;
  readonly #throttle: Throttle<"default">;
  readonly #fetch: typeof fetch;
  readonly #logger: UpstreamLogger;

  constructor(config: WhmcsClientConfig) {
    this.#config = config;
    this.#endpoint = `${config.baseUrl.replace(/\/+$/, "")}/includes/api.php`;
    this.#throttle = createThrottle({
      system: "whmcs",
      lanes: {
        default: { concurrency: config.concurrency, ratePerSecond: config.ratePerSecond },
      },
      observer: config.observer,
    });
    this.#fetch = config.fetch ?? fetch;
    this.#logger = config.logger ?? silentLogger;
  }

  /**
   * Calls `action` with `params` and returns the answer parsed by `schema`; a `read` is retried on
   * transient failures up to `retries` times, a `write` is sent once.
   * @throws WhmcsError `unavailable` (network, timeout, HTTP 5xx/429 — after the read retries),
   * `rejected` (`result: "error"`), `malformed` (not JSON, not an envelope, not `schema`).
   */
  call<Schema extends z.ZodType>(
    action: string,
    params: WhmcsParams,
    schema: Schema,
    policy: { access: CallAccess; retries: number },
  ): Promise<z.output<Schema>> {
    return withReadRetry(
      () => this.#throttle("default", action, () => this.#send(action, params, schema)),
      {
        access: policy.access,
        operation: action,
        retries: policy.retries,
        minDelayMs: this.#config.retryBaseDelayMs,
        maxDelayMs: MAX_RETRY_DELAY_MS,
        logger: this.#logger,
      },
    );
  }

  async #send<Schema extends z.ZodType>(
    action: string,
    params: WhmcsParams,
    schema: Schema,
  ): Promise<z.output<Schema>> {
    const started = performance.now();
    const response = await this.#post(action, params);
    const httpStatus = response.status;
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw this.#unreachable(action, error);
    }
    this.#logger.debug(
      { action, httpStatus, durationMs: Math.round(performance.now() - started) },
      "WHMCS call answered",
    );
    if (httpStatus >= 500 || httpStatus === 429) {
      throw new WhmcsError("unavailable", action, {
        httpStatus,
        reason: `HTTP ${httpStatus}`,
      });
    }

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new WhmcsError("malformed", action, {
        httpStatus,
        reason: "Answer is not JSON",
        cause: error,
      });
    }
    const envelope = whmcsEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      throw new WhmcsError("malformed", action, {
        httpStatus,
        reason: "Answer has no WHMCS result field",
        cause: envelope.error,
      });
    }
    if (envelope.data.result === "error") {
      const vendorMessage = envelope.data.message ?? "";
      this.#logger.debug({ action, httpStatus, reason: vendorMessage }, "WHMCS rejected the call");
      throw new WhmcsError("rejected", action, { httpStatus, vendorMessage });
    }
    if (!response.ok) {
      throw new WhmcsError("malformed", action, {
        httpStatus,
        reason: "Success answer with an HTTP error status",
      });
    }

    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      // Paths and messages only: values could be customer data.
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.message,
      }));
      this.#logger.warn({ action, issues }, "WHMCS answer does not match its documented shape");
      throw new WhmcsError("malformed", action, {
        httpStatus,
        reason: "Answer does not match the documented shape",
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  async #post(action: string, params: WhmcsParams): Promise<Response> {
    const body = new URLSearchParams({
      action,
      identifier: this.#config.identifier,
      secret: this.#config.secret,
      responsetype: "json",
    });
    if (this.#config.accessKey) {
      body.set("accesskey", this.#config.accessKey);
    }
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) {
        body.set(name, String(value));
      }
    }
    try {
      return await this.#fetch(this.#endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body,
        signal: AbortSignal.timeout(this.#config.timeoutMs),
      });
    } catch (error) {
      throw this.#unreachable(action, error);
    }
  }

  /** A network failure or timeout as an `unavailable` error (the cause keeps the details). */
  #unreachable(action: string, error: unknown): WhmcsError {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return new WhmcsError("unavailable", action, {
      reason: timedOut
        ? `No answer within ${this.#config.timeoutMs} ms`
        : `Network error: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
}
