import PQueue from "p-queue";
import pRetry from "p-retry";
import { type z } from "zod";
import { whmcsEnvelopeSchema } from "../raw/envelope.js";
import { type WhmcsParams } from "../raw/params.js";
import { type WhmcsClientConfig, type WhmcsLogger } from "./config.js";
import { WhmcsError } from "./whmcs-error.js";

const DEFAULT_RETRY_BASE_DELAY_MS = 250;
const MAX_RETRY_DELAY_MS = 10_000;

const silentLogger: WhmcsLogger = { warn: () => undefined, debug: () => undefined };

/** How one call may be repeated: reads are retried on `unavailable`, writes never. */
export interface CallOptions {
  retry: boolean;
}

/**
 * The WHMCS External API wire: form-encoded POST to `<baseUrl>/includes/api.php` with the API
 * credentials and `responsetype=json`, one throttle (p-queue: concurrency plus a per-second cap)
 * shared by every call, a time limit per attempt, retries with exponential backoff and jitter for
 * reads, and translation of every failure into a `WhmcsError`.
 * Source: WHMCS/developer-docs api/authentication and api-reference/*.md; DESIGN.md §4–5.
 */
export class WhmcsTransport {
  readonly #config: WhmcsClientConfig;
  readonly #endpoint: string;
  readonly #queue: PQueue;
  readonly #fetch: typeof fetch;
  readonly #logger: WhmcsLogger;

  constructor(config: WhmcsClientConfig) {
    this.#config = config;
    this.#endpoint = `${config.baseUrl.replace(/\/+$/, "")}/includes/api.php`;
    this.#queue = new PQueue({
      concurrency: config.concurrency,
      intervalCap: config.ratePerSecond,
      interval: 1000,
    });
    this.#fetch = config.fetch ?? fetch;
    this.#logger = config.logger ?? silentLogger;
  }

  /**
   * Calls `action` with `params` and returns the answer parsed by `schema`.
   * @throws WhmcsError `unavailable` (network, timeout, HTTP 5xx/429 — after the read retries),
   * `rejected` (`result: "error"`), `malformed` (not JSON, not an envelope, not `schema`).
   */
  async call<Schema extends z.ZodType>(
    action: string,
    params: WhmcsParams,
    schema: Schema,
    options: CallOptions,
  ): Promise<z.output<Schema>> {
    const attempt = () =>
      this.#queue.add(() => this.#send(action, params, schema), { throwOnTimeout: true });
    if (!options.retry || this.#config.readRetries <= 0) {
      return attempt();
    }
    return pRetry(attempt, {
      retries: this.#config.readRetries,
      factor: 2,
      minTimeout: this.#config.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS,
      maxTimeout: MAX_RETRY_DELAY_MS,
      randomize: true,
      shouldRetry: ({ error, retriesLeft }) => {
        const retryable = error instanceof WhmcsError && error.kind === "unavailable";
        if (retryable) {
          this.#logger.warn(
            { action, httpStatus: error.httpStatus, reason: error.upstreamMessage, retriesLeft },
            "WHMCS call unavailable, retrying",
          );
        }
        return retryable;
      },
    });
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
        upstreamMessage: `HTTP ${httpStatus}`,
      });
    }

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new WhmcsError("malformed", action, {
        httpStatus,
        upstreamMessage: "Answer is not JSON",
        cause: error,
      });
    }
    const envelope = whmcsEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      throw new WhmcsError("malformed", action, {
        httpStatus,
        upstreamMessage: "Answer has no WHMCS result field",
        cause: envelope.error,
      });
    }
    if (envelope.data.result === "error") {
      const upstreamMessage = envelope.data.message ?? "";
      this.#logger.debug({ action, httpStatus, upstreamMessage }, "WHMCS rejected the call");
      throw new WhmcsError("rejected", action, { httpStatus, upstreamMessage });
    }
    if (!response.ok) {
      throw new WhmcsError("malformed", action, {
        httpStatus,
        upstreamMessage: "Success answer with an HTTP error status",
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
        upstreamMessage: "Answer does not match the documented shape",
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
      upstreamMessage: timedOut
        ? `No answer within ${this.#config.timeoutMs} ms`
        : `Network error: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
}
