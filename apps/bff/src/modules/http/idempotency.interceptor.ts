import { createHmac, hkdfSync } from "node:crypto";
import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
} from "@nestjs/common";
import { HTTP_CODE_METADATA } from "@nestjs/common/constants.js";
import { Reflector } from "@nestjs/core";
import { type FastifyReply, type FastifyRequest } from "fastify";
import { from, type Observable, of } from "rxjs";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import {
  type IdempotencyRecordKey,
  IdempotencyKeysRepository,
} from "./repositories/idempotency-keys.repository.js";
import { AppError } from "./app-error.js";
import { canonicalJson } from "./canonical-json.js";
import { currentUserOf } from "./current-user.js";

/** The request header (Stripe's name) and the header marking a replayed response. */
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const REPLAYED_HEADER = "idempotent-replayed";

/** Longest key accepted (Stripe: 255 characters; vendor-facts §8.1). */
const MAX_KEY_LENGTH = 255;
/** How long a key is remembered (Stripe: at least 24 h). */
const KEEP_SECONDS = 24 * 60 * 60;
/**
 * A request still "in flight" after this long died with its process; its key may be taken over.
 * Far above the longest request (the sign-up's workflow lease is 120 s).
 */
const IN_FLIGHT_STALE_SECONDS = 300;

function badKey(): AppError {
  const message = `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} printable ASCII characters.`;
  return new AppError("VALIDATION_FAILED", message, { fields: { "Idempotency-Key": message } });
}

/**
 * Stripe's idempotency semantics on a route that creates something upstream (DESIGN.md §9;
 * decision 0014; apply with `@Idempotent()`). A request without `Idempotency-Key` runs as usual.
 * With one, per scope (the signed-in user, or before sign-in the route itself):
 * - first use: the request runs; a success (2xx) is stored with its status and body for 24 h;
 *   a failure is not stored, so the client's retry with the same key runs again;
 * - same key, same request (method, route, canonical JSON body): the stored status and body,
 *   with `Idempotent-Replayed: true` (cookies and other headers are not replayed);
 * - same key, other request: 422 IDEMPOTENCY_KEY_REUSED;
 * - same key while the first request runs: 409 IDEMPOTENCY_KEY_IN_USE.
 * The request is stored only as an HMAC (its body may hold a password).
 * @throws AppError VALIDATION_FAILED (400, `fields["Idempotency-Key"]`) for a malformed key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly hashKey: Buffer;

  constructor(
    private readonly records: IdempotencyKeysRepository,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // A key of its own, derived from the access-token secret (RFC 5869 HKDF).
    this.hashKey = Buffer.from(
      hkdfSync("sha256", config.auth.jwtAccessSecret, "", "portal idempotency request hash", 32),
    );
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const key = this.keyOf(request);
    if (key === null) {
      return next.handle();
    }
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const user = currentUserOf(request);
    const record = { scope: user ? `user:${user.id}` : `route:${route}`, key };
    const requestHash = createHmac("sha256", this.hashKey)
      .update(`${route}\n${canonicalJson(request.body)}`)
      .digest("hex");
    const now = new Date();
    const verdict = await this.records.begin(
      record,
      requestHash,
      now,
      new Date(now.getTime() + KEEP_SECONDS * 1000),
      new Date(now.getTime() - IN_FLIGHT_STALE_SECONDS * 1000),
    );
    switch (verdict.kind) {
      case "mismatch":
        throw new AppError(
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was already used with a different request. Use a new key.",
        );
      case "in-flight":
        throw new AppError(
          "IDEMPOTENCY_KEY_IN_USE",
          "A request with this Idempotency-Key is still being processed. Try again shortly.",
        );
      case "replay": {
        const reply = http.getResponse<FastifyReply>();
        reply.status(verdict.status).header(REPLAYED_HEADER, "true");
        // A 204 was stored without a body (JSON null); it is replayed without one too.
        return of(verdict.status === HttpStatus.NO_CONTENT ? undefined : verdict.body);
      }
      case "started":
        return from(this.runAndStore(context, next, record));
    }
  }

  /** Runs the handler; stores a success, forgets the key on failure; the outcome passes through. */
  private async runAndStore(
    context: ExecutionContext,
    next: CallHandler,
    record: IdempotencyRecordKey,
  ): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValue(next.handle());
    } catch (error) {
      await this.records.release(record);
      throw error;
    }
    await this.records.complete(record, this.successStatus(context), body);
    return body;
  }

  /** The handler's `@HttpCode`, else Nest's default (201 for POST, 200 otherwise). */
  private successStatus(context: ExecutionContext): number {
    const code = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    if (code !== undefined) {
      return code;
    }
    return context.switchToHttp().getRequest<FastifyRequest>().method === "POST"
      ? HttpStatus.CREATED
      : HttpStatus.OK;
  }

  /**
   * The `Idempotency-Key` of `request`, or null without one.
   * @throws AppError VALIDATION_FAILED when present but empty, too long or not printable ASCII.
   */
  private keyOf(request: FastifyRequest): string | null {
    const value = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (value === undefined) {
      return null;
    }
    if (
      typeof value !== "string" ||
      value.length === 0 ||
      value.length > MAX_KEY_LENGTH ||
      !/^[\x20-\x7e]+$/.test(value)
    ) {
      throw badKey();
    }
    return value;
  }
}

/** The last value `source` emits (a handler's observable emits its result once). */
function lastValue<T>(source: Observable<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    let last: T;
    source.subscribe({
      next: (value) => {
        last = value;
      },
      error: reject,
      complete: () => resolve(last),
    });
  });
}
