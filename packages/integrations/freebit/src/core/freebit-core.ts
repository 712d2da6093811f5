import { type z } from "zod";
import { FREEBIT_RESULT_CODES, type FreebitPath } from "../contract.js";
import { authOemResponseSchema } from "../raw/auth.js";
import { type FreebitClientConfig, type FreebitContract } from "./config.js";
import { FreebitError } from "./freebit-error.js";
import { FreebitTransport } from "./transport.js";

/** Default age after which the authKey is renewed: 50 min of its 60 [A]. */
const DEFAULT_AUTH_KEY_TTL_MS = 50 * 60_000;

/**
 * What every Freebit facade shares: the transport and the session — one `authKey` from `authOem`
 * (PA01-01), reused until `authKeyTtlMs`, fetched once for concurrent callers, and renewed when
 * Freebit answers that it expired (the refused call is then sent again: it was not carried out).
 * Source: vendor-facts §5.2 (authKey inside the JSON body) [S], §5.5 (expiry) [A].
 */
export class FreebitCore {
  readonly #transport: FreebitTransport;
  readonly #config: FreebitClientConfig;
  readonly #now: () => Date;
  #session: Promise<{ authKey: string; expiresAt: number }> | null = null;

  constructor(config: FreebitClientConfig) {
    this.#transport = new FreebitTransport(config);
    this.#config = config;
    this.#now = config.now ?? (() => new Date());
  }

  /** The MVNO contract's identifiers registrations carry (see `FreebitClientConfig.contract`). */
  get contract(): FreebitContract {
    return this.#config.contract;
  }

  /** A read, retried on transient failures. @throws FreebitError */
  read<Schema extends z.ZodType>(
    path: FreebitPath,
    body: Readonly<Record<string, unknown>>,
    schema: Schema,
  ): Promise<z.output<Schema>> {
    return this.#authenticated(path, body, schema, "read");
  }

  /** A write, sent once (DESIGN.md §5: writes are never blindly retried). @throws FreebitError */
  write<Schema extends z.ZodType>(
    path: FreebitPath,
    body: Readonly<Record<string, unknown>>,
    schema: Schema,
  ): Promise<z.output<Schema>> {
    return this.#authenticated(path, body, schema, "write");
  }

  async #authenticated<Schema extends z.ZodType>(
    path: FreebitPath,
    body: Readonly<Record<string, unknown>>,
    schema: Schema,
    access: "read" | "write",
  ): Promise<z.output<Schema>> {
    const send = async () => {
      const { authKey } = await this.#authKey();
      return this.#transport.call(path, { authKey, ...body }, schema, {
        access,
        retries: access === "read" ? this.#config.readRetries : 0,
      });
    };
    try {
      return await send();
    } catch (error) {
      const expired =
        error instanceof FreebitError &&
        error.hasResultCode(FREEBIT_RESULT_CODES.authKeyExpired.resultCode);
      if (!expired) throw error;
      this.#session = null;
      return send();
    }
  }

  /** The current authKey, asking `authOem` when there is none or it is too old. */
  #authKey(): Promise<{ authKey: string; expiresAt: number }> {
    const now = this.#now().getTime();
    const current = this.#session;
    if (current) {
      return current.then((session) => {
        if (session.expiresAt > now) return session;
        if (this.#session === current) this.#session = null;
        return this.#authKey();
      });
    }
    const ttl = this.#config.authKeyTtlMs ?? DEFAULT_AUTH_KEY_TTL_MS;
    const session = this.#transport
      .call(
        "authOem",
        { oemId: this.#config.oemId, oemKey: this.#config.oemKey },
        authOemResponseSchema,
        { access: "read", retries: this.#config.readRetries },
      )
      .then(({ authKey }) => ({ authKey, expiresAt: now + ttl }));
    this.#session = session;
    // A failed authOem must not be remembered.
    session.catch(() => {
      if (this.#session === session) this.#session = null;
    });
    return session;
  }

  /**
   * Runs a raw → portal mapper; a value it rejects makes the answer `malformed`.
   * @throws FreebitError `malformed`
   */
  map<T>(path: FreebitPath, mapper: () => T): T {
    try {
      return mapper();
    } catch (error) {
      throw new FreebitError("malformed", path, {
        reason: "Answer does not map to portal types",
        cause: error,
      });
    }
  }
}
