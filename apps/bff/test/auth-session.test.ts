import { AUTH_COOKIES, CSRF_HEADER, customerProfileSchema, sessionSchema } from "@portal/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { startStack, type Stack } from "./support/stack.js";

describe("sessions", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("logs the demo customer in: 200, session body, cookies that open /api/me", async () => {
    const client = stack.newClient();

    const response = await client.login(DEMO.email, DEMO.password);

    expect(response.status).toBe(200);
    expect(sessionSchema.parse(response.json).user.email).toBe(DEMO.email);
    expect(await client.http.cookie(AUTH_COOKIES.access)).toBeTruthy();
    expect(await client.refreshToken()).toBeTruthy();
    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    expect(customerProfileSchema.parse(me.json)).toMatchObject({
      email: DEMO.email,
      customerNumber: DEMO.customerNumber,
    });
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    const wrongPassword = await stack.newClient().login(DEMO.email, "Wrong1234!portal");
    const unknownEmail = await stack.newClient().login("nobody@example.com", DEMO.password);

    const first = expectApiError(wrongPassword, 401, "INVALID_CREDENTIALS");
    const second = expectApiError(unknownEmail, 401, "INVALID_CREDENTIALS");
    expect(first.message).toBe("The email or password is incorrect.");
    expect({ ...second, requestId: undefined }).toEqual({ ...first, requestId: undefined });
  });

  it("locks an account after 5 failed logins in a row: 423 with Retry-After", async () => {
    const body = signupBody(UNREGISTERED.hanako);
    expect((await stack.newClient().signup(body)).status).toBe(201);
    const client = stack.newClient();

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expectApiError(
        await client.login(body.email, `Wrong${attempt}234!portal`),
        401,
        "INVALID_CREDENTIALS",
      );
    }
    const locked = await client.login(body.email, body.password);

    expectApiError(locked, 423, "ACCOUNT_LOCKED");
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await client.http.cookie(AUTH_COOKIES.access)).toBeUndefined();
  });

  it("rotates the refresh token, and reuse of a retired one revokes the whole family", async () => {
    const client = stack.newClient();
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
    const first = await client.refreshToken();

    const refreshed = await client.refresh();

    expect(refreshed.status).toBe(200);
    sessionSchema.parse(refreshed.json);
    const second = await client.refreshToken();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect((await client.refresh()).status).toBe(200);
    const third = await client.refreshToken();

    // Two rotations old: outside the reuse interval's "immediately previous token".
    await client.http.setCookie(AUTH_COOKIES.refresh, first ?? "", "/api/auth");
    expectApiError(await client.refresh(), 401, "UNAUTHENTICATED");

    await client.http.setCookie(AUTH_COOKIES.refresh, third ?? "", "/api/auth");
    expectApiError(await client.refresh(), 401, "UNAUTHENTICATED");
  });

  it("clears the session cookies when a refresh is refused, so the browser is plainly signed out", async () => {
    const client = stack.newClient();
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
    expect(await client.http.cookie(AUTH_COOKIES.access)).toBeTruthy();
    await client.http.setCookie(AUTH_COOKIES.refresh, "not-a-token-we-issued", "/api/auth");

    expectApiError(await client.refresh(), 401, "UNAUTHENTICATED");

    expect(await client.http.cookie(AUTH_COOKIES.access)).toBeUndefined();
    expect(await client.refreshToken()).toBeUndefined();
  });

  it("logs out: 204, cookies cleared, /api/me 401, the refresh token no longer works", async () => {
    const client = stack.newClient();
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
    const refreshToken = await client.refreshToken();

    const response = await client.logout();

    expect(response.status).toBe(204);
    expect(await client.http.cookie(AUTH_COOKIES.access)).toBeUndefined();
    expect(await client.refreshToken()).toBeUndefined();
    expectApiError(await client.get("/api/me"), 401, "UNAUTHENTICATED");
    await client.http.setCookie(AUTH_COOKIES.refresh, refreshToken ?? "", "/api/auth");
    expectApiError(await client.refresh(), 401, "UNAUTHENTICATED");
  });

  it("refuses a mutation without X-CSRF-Token, or with one that differs from the cookie", async () => {
    const client = stack.newClient();
    await client.csrfToken();

    const missing = await client.request("POST", "/api/auth/login", {
      body: { email: DEMO.email, password: DEMO.password },
      csrf: false,
    });
    const mismatched = await client.request("POST", "/api/auth/login", {
      body: { email: DEMO.email, password: DEMO.password },
      csrf: false,
      headers: { [CSRF_HEADER]: "not-the-cookie-value" },
    });

    expectApiError(missing, 403, "CSRF_INVALID");
    expectApiError(mismatched, 403, "CSRF_INVALID");
    expect(await client.http.cookie(AUTH_COOKIES.access)).toBeUndefined();
  });

  it("hands out the CSRF token in a readable cookie and the body", async () => {
    const client = stack.newClient();

    const response = await client.get("/api/auth/csrf");

    expect(response.status).toBe(200);
    const cookie = await client.http.cookie(AUTH_COOKIES.csrf);
    expect(response.json).toEqual({ csrfToken: cookie });
    const setCookie = response.headers
      .getSetCookie()
      .find((line) => line.startsWith(`${AUTH_COOKIES.csrf}=`));
    expect(setCookie).toBeDefined();
    expect(setCookie).not.toMatch(/HttpOnly/i);
  });

  it("answers a protected route without a session with 401 UNAUTHENTICATED", async () => {
    expectApiError(await stack.newClient().get("/api/me"), 401, "UNAUTHENTICATED");
  });
});

describe("rate limit on /api/auth/*", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ AUTH_RATE_LIMIT_PER_MINUTE: "5" });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("answers 429 RATE_LIMITED once an IP exceeds the per-minute budget", async () => {
    const client = stack.newClient();
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      statuses.push((await client.login(DEMO.email, "Wrong1234!portal")).status);
    }

    const sixth = await client.login(DEMO.email, "Wrong1234!portal");

    // The CSRF fetch is an /api/auth request too, so the budget may run out one login earlier.
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expectApiError(sixth, 429, "RATE_LIMITED");
    expect((await client.get("/api/health")).status).not.toBe(429);
  });
});
