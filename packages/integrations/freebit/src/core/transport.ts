import {
  createThrottle,
  silentLogger,
  withReadRetry,
  type CallAccess,
  type Throttle,
  type UpstreamLogger,
} from "@portal/integration-core";
import { type z } from "zod";
import { FREEBIT_PATHS, FREEBIT_RESULT_CODES, type FreebitPath } from "../contract.js";
import { freebitEnvelopeSchema } from "../raw/envelope.js";
import { type FreebitClientConfig } from "./config.js";
import { FreebitError } from "./freebit-error.js";

/** Longest wait between two attempts of a read, ms. */
const MAX_RETRY_DELAY_MS = 10_000;

/**
 * The Freebit wire: `POST <baseUrl><path>` with one form field `json` holding the request JSON
 * (`application/x-www-form-urlencoded`), one throttle lane, a time limit per attempt, the kit's
 * read retry, and every failure translated into a `FreebitError`. Source: vendor-facts §5.2 [S].
 */
export class FreebitTransport {
  readonly #config: FreebitClientConfig;
  readonly #baseUrl: string;
  readonly #throttle: Throttle<"default">;
  readonly #fetch: typeof fetch;
  readonly #logger: UpstreamLogger;

  constructor(config: FreebitClientConfig) {
    this.#config = config;
    this.#baseUrl = config.baseUrl.replace(/\/+$/, "");
    this.#throttle = createThrottle({
      system: "freebit",
      lanes: {
        default: { concurrency: config.concurrency, ratePerSecond: config.ratePerSecond },
      },
      observer: config.observer,
    });
    this.#fetch = config.fetch ?? fetch;
    this.#logger = config.logger ?? silentLogger;
  }

  /**
   * Posts `body` to `path` and returns the answer parsed by `schema`; a `read` is retried on
   * transient failures up to `retries` times, a `write` is sent once.
   * @throws FreebitError `unavailable`, `rejected` (resultCode ≠ "100"), `malformed`
   */
  call<Schema extends z.ZodType>(
    path: FreebitPath,
    body: Readonly<Record<string, unknown>>,
    schema: Schema,
    policy: { access: CallAccess; retries: number },
  ): Promise<z.output<Schema>> {
    return withReadRetry(
      () => this.#throttle("default", path, () => this.#send(path, body, schema)),
      {
        access: policy.access,
        operation: path,
        retries: policy.retries,
        minDelayMs: this.#config.retryBaseDelayMs,
        maxDelayMs: MAX_RETRY_DELAY_MS,
        logger: this.#logger,
      },
    );
  }

  async #send<Schema extends z.ZodType>(
    path: FreebitPath,
    body: Readonly<Record<string, unknown>>,
    schema: Schema,
  ): Promise<z.output<Schema>> {
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(`${this.#baseUrl}${FREEBIT_PATHS[path].path}`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: new URLSearchParams({ json: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.#config.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw new FreebitError("unavailable", path, {
        reason: timedOut
          ? `No answer within ${this.#config.timeoutMs} ms`
          : `Network error: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      });
    }
    const httpStatus = response.status;
    if (httpStatus >= 500 || httpStatus === 429) {
      throw new FreebitError("unavailable", path, { httpStatus, reason: `HTTP ${httpStatus}` });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new FreebitError("malformed", path, {
        httpStatus,
        reason: "Answer is not JSON",
        cause: error,
      });
    }
    const envelope = freebitEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      throw new FreebitError("malformed", path, {
        httpStatus,
        reason: "Answer has no resultCode",
        cause: envelope.error,
      });
    }
    const { resultCode, status } = envelope.data;
    if (resultCode !== FREEBIT_RESULT_CODES.ok.resultCode) {
      const statusCode = status?.statusCode;
      const authFailed =
        path === "authOem" && resultCode === FREEBIT_RESULT_CODES.authFailed.resultCode;
      this.#logger.debug({ path, httpStatus, resultCode, statusCode }, "Freebit refused the call");
      throw new FreebitError(authFailed ? "auth" : "rejected", path, {
        httpStatus,
        vendorCode: statusCode ? `${resultCode}/${statusCode}` : resultCode,
        vendorMessage: status?.message,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.message,
      }));
      this.#logger.warn({ path, issues }, "Freebit answer does not match the contract");
      throw new FreebitError("malformed", path, {
        httpStatus,
        reason: "Answer does not match the contract",
        cause: parsed.error,
      });
    }
    return parsed.data;
  }
}
