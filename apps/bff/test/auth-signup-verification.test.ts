import { signupStartResponseSchema, type SignupRequestInput } from "@portal/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../src/modules/database/database.js";
import { auditLog } from "../src/modules/auth/schema/audit-log.js";
import { signupCodes } from "../src/modules/auth/schema/signup-codes.js";
import { expectApiError } from "./support/api-error.js";
import { DEMO, type SignupBody, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { type TestResponse } from "./support/http-session.js";
import { newContact, newUnregisteredAccount } from "./support/salesforce-accounts.js";
import { startStack, type Stack } from "./support/stack.js";

/**
 * Sign-up proves ownership (issue 5 §3; decision 0037): the e-mailed code, then the phone on the
 * contract, before anything is looked up or created.
 */
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

/** A body for a fresh Account of its own (phone: Kenji's), without the code; and the Account Id. */
async function freshBody(
  customerNumber: string,
  email: string,
): Promise<SignupBody & { accountId: string }> {
  const accountId = await newUnregisteredAccount(stack, customerNumber);
  return { ...signupBody(UNREGISTERED.kenji, { customerNumber, email }), accountId };
}

/** The code as the customer would mistype it: any other 6 digits. */
function wrong(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

/** Asserts nothing was made for `body` in WHMCS, the portal or Salesforce. */
async function expectNothingCreated(body: SignupBody & { accountId: string }) {
  expect(await stack.whmcs.clientIdsByEmail(body.email)).toEqual([]);
  expectApiError(
    await stack.newClient().login(body.email, body.password),
    401,
    "INVALID_CREDENTIALS",
  );
  expect((await stack.salesforce.account(body.accountId)).Portal_Status__c).toBe("Not Yet");
}

/** The answer without what differs on every request. */
function shapeOf(response: TestResponse): unknown {
  const body = response.json as { error: Record<string, unknown> };
  const { requestId: _requestId, ...error } = body.error;
  return { status: response.status, error };
}

describe("POST /api/auth/signup/start", () => {
  it("answers 202 alike for a new address and one with an account, and mails both a code", async () => {
    const client = stack.newClient();
    const fresh = await client.signupStart("someone.new@example.jp");
    const taken = await client.signupStart(DEMO.email.toUpperCase());

    expect(fresh.status).toBe(202);
    expect(taken.status).toBe(202);
    expect(signupStartResponseSchema.parse(fresh.json)).toEqual({
      resendAfterSeconds: 0,
      validMinutes: 10,
    });
    expect(taken.json).toEqual(fresh.json);
    expect(await client.signupCode("someone.new@example.jp")).toMatch(/^\d{6}$/);
    expect(await client.signupCode(DEMO.email)).toMatch(/^\d{6}$/);
  });

  it("writes the code mail in the customer's language", async () => {
    const email = "english.code@example.jp";
    await stack.newClient().signupCode(email, { headers: { "accept-language": "en-GB" } });

    const [mail] = await stack.control.mail(email);
    expect(mail?.subject).toBe("[Aozora Net] Your e-mail verification code");
    expect(mail?.text).toMatch(/valid for 10 minutes/);
  });

  it("answers 400 naming the email for a malformed address", async () => {
    const response = await stack.newClient().signupStart("not-an-address");

    expect(expectApiError(response, 400, "VALIDATION_FAILED").fields).toHaveProperty("email");
  });
});

describe("POST /api/auth/signup: the e-mailed code", () => {
  it("signs up with the code, accepting it in full-width digits, and spends it", async () => {
    const client = stack.newClient();
    const body = await client.withSignupCode(await freshBody("500001", "code.ok@example.jp"));
    const fullWidth = body.code.replace(/\d/g, (digit) =>
      String.fromCharCode(0xff10 + Number(digit)),
    );

    expect((await client.signup({ ...body, code: fullWidth })).status).toBe(201);

    const again = await stack.newClient().signup(body);
    expectApiError(again, 400, "SIGNUP_CODE_EXPIRED");
  });

  it("refuses a wrong code with 400 SIGNUP_CODE_INVALID on the code field, creating nothing", async () => {
    const accountBefore = await stack.control.whmcsCalls("AddClient");
    const client = stack.newClient();
    const body = await client.withSignupCode(await freshBody("500002", "code.wrong@example.jp"));

    const response = await client.signup({ ...body, code: wrong(body.code) });

    const error = expectApiError(response, 400, "SIGNUP_CODE_INVALID");
    expect(Object.keys(error.fields ?? {})).toEqual(["code"]);
    await expectNothingCreated(body);
    expect(await stack.control.whmcsCalls("AddClient")).toBe(accountBefore);
    // The right code still works after a wrong one.
    expect((await client.signup(body)).status).toBe(201);
  });

  it("kills the code after 5 refused tries: the right one is then SIGNUP_CODE_EXPIRED", async () => {
    const client = stack.newClient();
    const body = await client.withSignupCode(await freshBody("500003", "code.five@example.jp"));

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expectApiError(
        await client.signup({ ...body, code: wrong(body.code) }),
        400,
        "SIGNUP_CODE_INVALID",
      );
    }
    const sixth = await client.signup(body);

    expect(expectApiError(sixth, 400, "SIGNUP_CODE_EXPIRED").fields).toHaveProperty("code");
    await expectNothingCreated(body);
    // A new code starts over.
    const { code: _dead, ...withoutCode } = body;
    expect((await client.signup(withoutCode)).status).toBe(201);
  });

  it("counts 20 concurrent wrong codes one by one: at most 5 are checked", async () => {
    const client = stack.newClient();
    const body = await client.withSignupCode(await freshBody("500004", "code.race@example.jp"));

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => client.signup({ ...body, code: wrong(body.code) })),
    );

    const invalid = responses.filter(({ status, json }) =>
      status === 400 ? JSON.stringify(json).includes("SIGNUP_CODE_INVALID") : false,
    );
    expect(invalid).toHaveLength(5);
    expectApiError(await client.signup(body), 400, "SIGNUP_CODE_EXPIRED");
  });

  it("refuses a code after its 10 minutes with SIGNUP_CODE_EXPIRED", async () => {
    const client = stack.newClient();
    const body = await client.withSignupCode(await freshBody("500005", "code.late@example.jp"));
    const { db } = stack.app.get<DatabaseConnection>(DATABASE_CONNECTION);
    await db.update(signupCodes).set({ expiresAt: new Date(Date.now() - 1000) });

    expectApiError(await client.signup(body), 400, "SIGNUP_CODE_EXPIRED");
    expect(await stack.whmcs.clientIdsByEmail(body.email)).toEqual([]);
  });

  it("takes only the newest code of an address, and never another address's", async () => {
    const client = stack.newClient();
    const body = await freshBody("500006", "code.newest@example.jp");
    const first = await client.signupCode(body.email);
    const second = await client.signupCode(body.email);
    const othersCode = await client.signupCode("someone.else@example.jp");

    if (first !== second) {
      expectApiError(await client.signup({ ...body, code: first }), 400, "SIGNUP_CODE_INVALID");
    }
    if (othersCode !== second) {
      expectApiError(
        await client.signup({ ...body, code: othersCode }),
        400,
        "SIGNUP_CODE_INVALID",
      );
    }
    expect((await client.signup({ ...body, code: second })).status).toBe(201);
  });

  it("keeps the code alive through an upstream failure: 503, then the same code signs up", async () => {
    const client = stack.newClient();
    const body = await client.withSignupCode(await freshBody("500007", "code.outage@example.jp"));
    await stack.control.fault({ system: "salesforce", match: "/query", kind: "http5xx" });

    const failed = await client.signup(body);

    expectApiError(failed, 503, "UPSTREAM_UNAVAILABLE");
    await stack.control.clearFaults();
    await expectNothingCreated(body);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await stack.control.fault({ system: "whmcs", match: "AddClient", kind: "http5xx", times: 1 });
      expect([502, 503]).toContain((await client.signup(body)).status);
    }
    expect((await client.signup(body)).status).toBe(201);
  });
});

describe("POST /api/auth/signup: the contract fact (phone on record)", () => {
  it("accepts the phone however it is written: full-width, dashes, +81 for the 0", async () => {
    await newUnregisteredAccount(stack, "500101", { Phone: "+81 70 4567 8901" });
    const body = signupBody(UNREGISTERED.kenji, {
      customerNumber: "500101",
      email: "phone.spelling@example.jp",
      phone: "０７０－４５６７－８９０１",
    });

    expect((await stack.newClient().signup(body)).status).toBe(201);
  });

  it("accepts a Contact's phone when the Account has none", async () => {
    const accountId = await newUnregisteredAccount(stack, "500102", { Phone: "" });
    await newContact(stack, {
      AccountId: accountId,
      LastName: "Tanaka",
      Phone: "03-5555-0102",
    });
    const body = signupBody(UNREGISTERED.kenji, {
      customerNumber: "500102",
      email: "contact.phone@example.jp",
      phone: "0355550102",
    });

    expect((await stack.newClient().signup(body)).status).toBe(201);
  });

  it("answers a wrong phone, an unknown number and a registered number alike, with the same upstream work", async () => {
    await newUnregisteredAccount(stack, "500103");
    await newUnregisteredAccount(stack, "500106", { Phone: "" });
    const attempts: [string, Partial<SignupRequestInput>][] = [
      ["wrong phone", { customerNumber: "500103", phone: "090-0000-0000" }],
      ["unknown number", { customerNumber: "999999", phone: "090-0000-0000" }],
      ["registered number", { customerNumber: DEMO.customerNumber, phone: "090-0000-0000" }],
      ["no phone on record", { customerNumber: "500106", phone: "090-0000-0000" }],
    ];
    // Warm the BFF's Salesforce session, so no attempt below pays for the sign-in.
    await stack.newClient().signup(signupBody(UNREGISTERED.kenji, { phone: "090-0000-0000" }));
    const outcomes = [];
    for (const [label, overrides] of attempts) {
      const email = `stranger.${overrides.customerNumber}@example.jp`;
      const client = stack.newClient();
      const body = await client.withSignupCode(
        signupBody(UNREGISTERED.kenji, { ...overrides, email }),
      );
      await stack.control.resetCalls();
      const response = await client.signup(body);
      const calls = await stack.control.calls();
      outcomes.push({ label, shape: shapeOf(response), calls });
      expect(await stack.whmcs.clientIdsByEmail(email)).toEqual([]);
    }

    const [first, ...others] = outcomes;
    expect(first?.shape).toMatchObject({
      status: 400,
      error: { code: "SIGNUP_DETAILS_NOT_MATCHED" },
    });
    expect(
      Object.keys((first?.shape as { error: { fields: object } }).error.fields).sort(),
    ).toEqual(["customerNumber", "phone"]);
    expect(first?.calls.whmcs).toEqual({});
    for (const outcome of others) {
      expect({ label: outcome.label, shape: outcome.shape }).toEqual({
        label: outcome.label,
        shape: first?.shape,
      });
      expect({ label: outcome.label, calls: outcome.calls }).toEqual({
        label: outcome.label,
        calls: first?.calls,
      });
    }
  });

  it("counts wrong details against the code: after 5 the code is dead", async () => {
    const client = stack.newClient();
    const body = await client.withSignupCode(await freshBody("500104", "details.five@example.jp"));

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expectApiError(
        await client.signup({ ...body, phone: `090-0000-000${attempt}` }),
        400,
        "SIGNUP_DETAILS_NOT_MATCHED",
      );
    }

    expectApiError(await client.signup(body), 400, "SIGNUP_CODE_EXPIRED");
    expect(await stack.whmcs.clientIdsByEmail(body.email)).toEqual([]);
  });

  it("audits each refusal without a user", async () => {
    const client = stack.newClient();
    const body = await client.withSignupCode(await freshBody("500105", "audit.refusal@example.jp"));
    expectApiError(
      await client.signup({ ...body, phone: "090-0000-0000" }),
      400,
      "SIGNUP_DETAILS_NOT_MATCHED",
    );
    const { db } = stack.app.get<DatabaseConnection>(DATABASE_CONNECTION);
    const rows = await db.select().from(auditLog);
    expect(rows.filter((row) => row.event === "signup_refused").map((row) => row.detail)).toEqual(
      expect.arrayContaining([{ reason: "SIGNUP_DETAILS_NOT_MATCHED", customerNumber: "500105" }]),
    );
  });
});

describe("sign-up code limits (production defaults but a small IP budget)", () => {
  let limited: Stack;

  beforeAll(async () => {
    limited = await startStack({
      SIGNUP_CODE_RESEND_SECONDS: "60",
      SIGNUP_CODES_PER_ADDRESS_PER_HOUR: "5",
      SIGNUP_CODES_PER_IP_PER_HOUR: "3",
    });
  });

  afterAll(async () => {
    await limited?.close();
  });

  it("sends one code a minute per address: a resend in the cooldown is 429 with Retry-After", async () => {
    const client = limited.newClient();
    const from = { headers: { "x-forwarded-for": "198.51.100.1" } };
    expect((await client.signupStart("cooldown@example.jp", from)).status).toBe(202);

    const again = await client.signupStart("Cooldown@Example.jp", from);

    expectApiError(again, 429, "RATE_LIMITED");
    const retryAfter = Number(again.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it("limits the codes one client IP asks for, whatever the addresses", async () => {
    const client = limited.newClient();
    const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
    for (let n = 1; n <= 3; n += 1) {
      expect((await client.signupStart(`ip.${n}@example.jp`, from("198.51.100.2"))).status).toBe(
        202,
      );
    }

    expectApiError(
      await client.signupStart("ip.4@example.jp", from("198.51.100.2")),
      429,
      "RATE_LIMITED",
    );
    expect((await client.signupStart("ip.4@example.jp", from("198.51.100.3"))).status).toBe(202);
  });
});
