import { randomUUID } from "node:crypto";
import { type SignupRequestInput } from "@portal/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../src/modules/database/database.js";
import { idempotencyKeys } from "../src/modules/http/schema/idempotency-keys.js";
import { type AppJobs } from "../src/modules/queue/app-jobs.js";
import { JobQueue } from "../src/modules/queue/job-queue.js";
import { expectApiError } from "./support/api-error.js";
import { signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { type TestResponse } from "./support/http-session.js";
import { newUnregisteredAccount } from "./support/salesforce-accounts.js";
import { startStack, type Stack } from "./support/stack.js";

/** `Idempotency-Key` on `POST /api/auth/signup`, Stripe's semantics (decision 0014). */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

afterEach(async () => {
  await stack.control.clearFaults();
});

function signupWithKey(body: SignupRequestInput, key: string): Promise<TestResponse> {
  return stack.newClient().post("/api/auth/signup", body, { headers: { "idempotency-key": key } });
}

/** A sign-up body for a fresh Account of its own, with the code mailed to its address. */
async function freshBody(customerNumber: string, email: string): Promise<SignupRequestInput> {
  await newUnregisteredAccount(stack, customerNumber);
  return stack
    .newClient()
    .withSignupCode(signupBody(UNREGISTERED.kenji, { customerNumber, email }));
}

const SIGNUP_SCOPE = "route:POST /api/auth/signup";

describe("Idempotency-Key on POST /api/auth/signup", () => {
  it("rejects a malformed key with 400 naming the header, and stores nothing", async () => {
    const body = await freshBody("400001", "bad.key@example.jp");

    for (const key of ["x".repeat(256), "caf\u00e9"]) {
      const response = await signupWithKey(body, key);

      const error = expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.fields).toHaveProperty("Idempotency-Key");
      expect(error.message).toMatch(/Idempotency-Key/);
    }
    expect(await stack.whmcs.clientIdsByEmail(body.email)).toEqual([]);
  });

  it("accepts a key of 255 characters", async () => {
    const body = await freshBody("400002", "long.key@example.jp");

    expect((await signupWithKey(body, "k".repeat(255))).status).toBe(201);
  });

  it("replays the stored status and body for the same key and body, without running it again", async () => {
    const body = await freshBody("400003", "replay@example.jp");
    const key = randomUUID();
    const addClientsBefore = await stack.control.whmcsCalls("AddClient");

    const first = await signupWithKey(body, key);
    const replay = await signupWithKey(body, key);

    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.getSetCookie()).toEqual([]);
    expect((await stack.control.whmcsCalls("AddClient")) - addClientsBefore).toBe(1);
  });

  it("answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body", async () => {
    const body = await freshBody("400004", "reused@example.jp");
    const key = randomUUID();
    expect((await signupWithKey(body, key)).status).toBe(201);

    const response = await signupWithKey({ ...body, firstName: "Someone" }, key);

    expectApiError(response, 422, "IDEMPOTENCY_KEY_REUSED");
  });

  it("answers 409 IDEMPOTENCY_KEY_IN_USE while the first request with the key is in flight", async () => {
    const body = await freshBody("400005", "in.flight@example.jp");
    const key = randomUUID();
    // Slow AddClient down so the second request surely arrives while the first runs.
    await stack.control.fault({
      system: "whmcs",
      match: "AddClient",
      kind: "latency",
      latencyMs: 800,
    });

    const responses = await Promise.all([signupWithKey(body, key), signupWithKey(body, key)]);

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = responses.find((response) => response.status === 409);
    expectApiError(loser as TestResponse, 409, "IDEMPOTENCY_KEY_IN_USE");
  });

  it("does not store a failure: a retry with the same key runs again and succeeds", async () => {
    const body = await freshBody("400006", "retry.key@example.jp");
    const key = randomUUID();
    await stack.control.fault({ system: "whmcs", match: "AddClient", kind: "http5xx", times: 1 });

    const failed = await signupWithKey(body, key);
    const retried = await signupWithKey(body, key);

    expectApiError(failed, 503, "UPSTREAM_UNAVAILABLE");
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
  });

  it("scopes a key by route before sign-in and stores the request only as an HMAC", async () => {
    const key = randomUUID();
    const body = await freshBody("400007", "scoped@example.jp");
    expect((await signupWithKey(body, key)).status).toBe(201);

    const { db } = stack.app.get<DatabaseConnection>(DATABASE_CONNECTION);
    const rows = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ scope: SIGNUP_SCOPE, responseStatus: 201 });
    // The stored request is an HMAC, never the body (which holds the password).
    expect(JSON.stringify(rows[0])).not.toContain(body.password);
  });

  it("prunes keys past their 24 h with the scheduled job; the key then counts as new", async () => {
    const body = await freshBody("400008", "expired.key@example.jp");
    const key = randomUUID();
    expect((await signupWithKey(body, key)).status).toBe(201);
    const { db } = stack.app.get<DatabaseConnection>(DATABASE_CONNECTION);
    const record = and(eq(idempotencyKeys.scope, SIGNUP_SCOPE), eq(idempotencyKeys.key, key));
    await db
      .update(idempotencyKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(record);

    await stack.app.get<JobQueue<AppJobs>>(JobQueue).send("idempotency.prune", {});

    await eventually(
      () => db.select().from(idempotencyKeys).where(record),
      (rows) => rows.length === 0,
      { attempts: 200 },
    );
    // The customer number is registered now, so running again (the first code is spent: with a
    // new one) answers 409, not a replay.
    const { code: _spent, ...withoutCode } = body;
    const again = await signupWithKey(await stack.newClient().withSignupCode(withoutCode), key);
    expectApiError(again, 409, "ALREADY_REGISTERED");
    expect(again.headers.get("idempotent-replayed")).toBeNull();
  });
});
