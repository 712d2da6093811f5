import { type CallHandler, type ExecutionContext } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { type FastifyReply, type FastifyRequest } from "fastify";
import { lastValueFrom, of, throwError } from "rxjs";
import { describe, expect, it } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { parseConfig } from "../config/parse-config.js";
import {
  type IdempotencyBegin,
  type IdempotencyKeysRepository,
  type IdempotencyRecordKey,
} from "./repositories/idempotency-keys.repository.js";
import { AppError } from "./app-error.js";
import { bindCurrentUser } from "./current-user.js";
import { IdempotencyInterceptor } from "./idempotency.interceptor.js";

/** Records every call; `begin` answers with `verdict`. */
class FakeRecords {
  readonly begun: { record: IdempotencyRecordKey; requestHash: string }[] = [];
  readonly completed: { record: IdempotencyRecordKey; status: number; body: unknown }[] = [];
  readonly released: IdempotencyRecordKey[] = [];
  verdict: IdempotencyBegin = { kind: "started" };

  async begin(record: IdempotencyRecordKey, requestHash: string): Promise<IdempotencyBegin> {
    this.begun.push({ record, requestHash });
    return this.verdict;
  }
  async complete(record: IdempotencyRecordKey, status: number, body: unknown): Promise<void> {
    this.completed.push({ record, status, body });
  }
  async release(record: IdempotencyRecordKey): Promise<void> {
    this.released.push(record);
  }
}

function setup() {
  const records = new FakeRecords();
  const interceptor = new IdempotencyInterceptor(
    records as unknown as IdempotencyKeysRepository,
    new Reflector(),
    parseConfig(MINIMAL_ENV),
  );
  return { records, interceptor };
}

/** A POST to `/api/orders` with `headers` and `body`, and the reply it records. */
function http(headers: Record<string, string>, body: unknown = { plan: "fibre" }) {
  const request = {
    method: "POST",
    url: "/api/orders",
    routeOptions: { url: "/api/orders" },
    headers,
    body,
  } as unknown as FastifyRequest;
  const sent: { status?: number; headers: Record<string, string> } = { headers: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
  } as unknown as FastifyReply;
  const context = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
    getHandler: () => function handler() {},
  } as unknown as ExecutionContext;
  return { request, sent, context };
}

const handler = (value: unknown): CallHandler => ({ handle: () => of(value) });

describe("IdempotencyInterceptor", () => {
  it("scopes a signed-in user's key to the user, and stores the success with its status", async () => {
    const { records, interceptor } = setup();
    const { request, context } = http({ "idempotency-key": "k1" });
    bindCurrentUser(request, { id: "user-1", sessionId: "session-1" }, "access-token");

    const result = await lastValueFrom(await interceptor.intercept(context, handler({ id: 7 })));

    expect(result).toEqual({ id: 7 });
    expect(records.begun[0]?.record).toEqual({ scope: "user:user-1", key: "k1" });
    expect(records.completed).toEqual([
      { record: { scope: "user:user-1", key: "k1" }, status: 201, body: { id: 7 } },
    ]);
  });

  it("scopes a key by route before sign-in, hashing the same content alike in any key order", async () => {
    const { records, interceptor } = setup();
    const first = http({ "idempotency-key": "k2" }, { a: 1, b: { c: 2, d: 3 } });
    const second = http({ "idempotency-key": "k2" }, { b: { d: 3, c: 2 }, a: 1 });

    await lastValueFrom(await interceptor.intercept(first.context, handler(null)));
    await lastValueFrom(await interceptor.intercept(second.context, handler(null)));

    expect(records.begun.map((call) => call.record.scope)).toEqual([
      "route:POST /api/orders",
      "route:POST /api/orders",
    ]);
    expect(records.begun[0]?.requestHash).toBe(records.begun[1]?.requestHash);
    expect(records.begun[0]?.requestHash).not.toContain("fibre");
  });

  it("lets a request without the header through untouched", async () => {
    const { records, interceptor } = setup();
    const { context } = http({});

    expect(await lastValueFrom(await interceptor.intercept(context, handler("ok")))).toBe("ok");
    expect(records.begun).toEqual([]);
  });

  it("replays a stored response with Idempotent-Replayed, without running the handler", async () => {
    const { records, interceptor } = setup();
    records.verdict = { kind: "replay", status: 201, body: { id: 7 } };
    const { context, sent } = http({ "idempotency-key": "k3" });
    const never: CallHandler = {
      handle: () => {
        throw new Error("handler ran");
      },
    };

    expect(await lastValueFrom(await interceptor.intercept(context, never))).toEqual({ id: 7 });
    expect(sent).toEqual({ status: 201, headers: { "idempotent-replayed": "true" } });
  });

  it.each([
    ["mismatch", "IDEMPOTENCY_KEY_REUSED", 422],
    ["in-flight", "IDEMPOTENCY_KEY_IN_USE", 409],
  ] as const)("answers %s with %s", async (kind, code, status) => {
    const { records, interceptor } = setup();
    records.verdict = { kind };
    const { context } = http({ "idempotency-key": "k4" });

    const refusal = await interceptor.intercept(context, handler(null)).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code, status });
  });

  it("releases the key when the handler fails, and passes the error on", async () => {
    const { records, interceptor } = setup();
    const { context } = http({ "idempotency-key": "k5" });
    const failure = new Error("upstream down");

    await expect(
      lastValueFrom(
        await interceptor.intercept(context, { handle: () => throwError(() => failure) }),
      ),
    ).rejects.toBe(failure);
    expect(records.released).toEqual([{ scope: "route:POST /api/orders", key: "k5" }]);
    expect(records.completed).toEqual([]);
  });

  it.each(["", "x".repeat(256), "tab\there", "日本"])(
    "refuses the malformed key %j with 400 naming the header",
    async (key) => {
      const { interceptor } = setup();
      const { context } = http({ "idempotency-key": key });

      await expect(interceptor.intercept(context, handler(null))).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { "Idempotency-Key": expect.stringContaining("Idempotency-Key") },
      });
    },
  );
});
