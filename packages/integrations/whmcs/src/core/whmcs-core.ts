import { silentLogger, type UpstreamLogger } from "@portal/integration-core";
import { type z } from "zod";
import { todayIn } from "../mappers/whmcs-time.js";
import { type WhmcsParams } from "../raw/params.js";
import { type WhmcsClientConfig } from "./config.js";
import { WhmcsTransport } from "./transport.js";
import { WhmcsError } from "./whmcs-error.js";

/**
 * What every WHMCS resource facade shares: the transport (credentials, throttle, retry), the clock
 * and time zone WHMCS dates are read in, and the translation of unusable answers into `WhmcsError`.
 */
export class WhmcsCore {
  readonly #transport: WhmcsTransport;
  readonly #readRetries: number;
  readonly #now: () => Date;
  readonly #logger: UpstreamLogger;
  /** IANA zone WHMCS writes its timestamps in (`WhmcsClientConfig.timeZone`, default UTC). */
  readonly timeZone: string;

  constructor(config: WhmcsClientConfig) {
    this.#transport = new WhmcsTransport(config);
    this.#readRetries = config.readRetries;
    this.#now = config.now ?? (() => new Date());
    this.#logger = config.logger ?? silentLogger;
    this.timeZone = config.timeZone ?? "UTC";
  }

  /** A read, retried on transient failures. @throws WhmcsError */
  read<Schema extends z.ZodType>(
    action: string,
    params: WhmcsParams,
    schema: Schema,
  ): Promise<z.output<Schema>> {
    return this.#transport.call(action, params, schema, {
      access: "read",
      retries: this.#readRetries,
    });
  }

  /** A read sent once, so a health probe answers within one timeout. @throws WhmcsError */
  probe<Schema extends z.ZodType>(
    action: string,
    params: WhmcsParams,
    schema: Schema,
  ): Promise<z.output<Schema>> {
    return this.#transport.call(action, params, schema, { access: "read", retries: 0 });
  }

  /** A write, sent once (DESIGN.md §5: writes are never blindly retried). @throws WhmcsError */
  write<Schema extends z.ZodType>(
    action: string,
    params: WhmcsParams,
    schema: Schema,
  ): Promise<z.output<Schema>> {
    return this.#transport.call(action, params, schema, { access: "write", retries: 0 });
  }

  /** The current instant (`WhmcsClientConfig.now`). */
  now(): Date {
    return this.#now();
  }

  /** Today's date (`YYYY-MM-DD`) in WHMCS's time zone, for the overdue rule. */
  today(): string {
    return todayIn(this.#now(), this.timeZone);
  }

  /** Resolves to null instead of throwing when WHMCS rejects the call with `notFoundMessage`. */
  async notFoundAsNull<T>(notFoundMessage: string, call: Promise<T>): Promise<T | null> {
    try {
      return await call;
    } catch (error) {
      if (
        error instanceof WhmcsError &&
        error.kind === "rejected" &&
        error.vendorMessage?.trim().toLowerCase() === notFoundMessage
      ) {
        return null;
      }
      throw error;
    }
  }

  /**
   * Runs a raw → domain mapper; a value the domain rejects makes the answer `malformed`.
   * @throws WhmcsError `malformed`
   */
  map<T>(action: string, mapper: () => T): T {
    try {
      return mapper();
    } catch (error) {
      this.#logger.warn(
        { action, reason: error instanceof Error ? error.message : String(error) },
        "WHMCS answer does not map to portal types",
      );
      throw new WhmcsError("malformed", action, {
        reason: "Answer does not map to portal types",
        cause: error,
      });
    }
  }
}
