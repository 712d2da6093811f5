import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { type TestResponse } from "./support/http-session.js";
import { startStack, type Stack } from "./support/stack.js";

/** How many of `responses` have each status, e.g. `{ 401: 5, 423: 15 }`. */
function countStatuses(responses: readonly TestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) {
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

/** Asserts a 423 ACCOUNT_LOCKED with a Retry-After of at most the 15-minute lockout. */
function expectLocked(response: TestResponse): void {
  expectApiError(response, 423, "ACCOUNT_LOCKED");
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
}

describe("account lockout under attack", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("verifies at most 5 of 20 concurrent wrong passwords; the rest and then the right one get 423", async () => {
    const body = signupBody(UNREGISTERED.kenji);
    expect((await stack.newClient().signup(body)).status).toBe(201);
    const client = stack.newClient();
    await client.csrfToken();

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, attempt) =>
        client.login(body.email, `Wrong${attempt}234!portal`),
      ),
    );

    const counts = countStatuses(responses);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(5);
    expect((counts[401] ?? 0) + (counts[423] ?? 0)).toBe(20);
    for (const response of responses.filter(({ status }) => status === 423)) {
      expectLocked(response);
    }
    expectLocked(await client.login(body.email, body.password));
  });

  it("locks an email without an account after 5 failures, like an account: 423 with Retry-After", async () => {
    const client = stack.newClient();
    const email = "nobody-here@example.com";

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expectApiError(
        await client.login(email, `Wrong${attempt}234!portal`),
        401,
        "INVALID_CREDENTIALS",
      );
    }
    const sixth = await client.login(email.toUpperCase(), "Wrong6234!portal");

    expectLocked(sixth);
    // Another unknown email is counted on its own.
    expectApiError(
      await client.login("someone-else@example.com", "Wrong1234!portal"),
      401,
      "INVALID_CREDENTIALS",
    );
  });

  it("counts 20 concurrent attempts on an unknown email one by one too", async () => {
    const client = stack.newClient();
    await client.csrfToken();

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, attempt) =>
        client.login("ghost@example.com", `Wrong${attempt}234!portal`),
      ),
    );

    expect(countStatuses(responses)).toEqual({ 401: 5, 423: 15 });
  });

  it("lets the demo customer in after 4 failures and starts counting again", async () => {
    const client = stack.newClient();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expectApiError(
        await client.login(DEMO.email, `Wrong${attempt}234!portal`),
        401,
        "INVALID_CREDENTIALS",
      );
    }
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expectApiError(
        await stack.newClient().login(DEMO.email, `Wrong${attempt}234!portal`),
        401,
        "INVALID_CREDENTIALS",
      );
    }
    expect((await stack.newClient().login(DEMO.email, DEMO.password)).status).toBe(200);
  });
});

describe("rate limit by route", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ AUTH_RATE_LIMIT_PER_MINUTE: "3" });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("counts a percent-encoded spelling of /api/auth/login against the same budget", async () => {
    const client = stack.newClient();
    const token = await client.csrfToken(); // GET /api/auth/csrf: 1 of 3
    const encodedLogin = () =>
      client.request("POST", "/api/%61uth/login", {
        body: { email: DEMO.email, password: "Wrong1234!portal" },
        headers: { "x-csrf-token": token },
      });

    const first = await encodedLogin();
    const second = await encodedLogin();
    const third = await encodedLogin();

    // The encoded path reaches the login handler…
    expectApiError(first, 401, "INVALID_CREDENTIALS");
    expectApiError(second, 401, "INVALID_CREDENTIALS");
    // …and is limited like the plain one.
    expectApiError(third, 429, "RATE_LIMITED");
    expectApiError(await client.login(DEMO.email, DEMO.password), 429, "RATE_LIMITED");
  });
});
