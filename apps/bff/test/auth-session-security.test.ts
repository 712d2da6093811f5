import { AUTH_COOKIES, CSRF_HEADER } from "@portal/domain";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO } from "./support/demo-data.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

async function signedIn(): Promise<PortalClient> {
  const client = stack.newClient();
  expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
  return client;
}

/** The session cookies a response set, by name. */
function cookiesSet(headers: Headers): Record<string, string> {
  return Object.fromEntries(
    headers.getSetCookie().map((line) => {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

describe("refresh reuse interval", () => {
  it("answers two concurrent refreshes from one browser with the same new pair, and the session lives on", async () => {
    const client = await signedIn();
    const csrf = await client.csrfToken();
    const refreshToken = (await client.refreshToken()) ?? "";
    const accessToken = (await client.http.cookie(AUTH_COOKIES.access)) ?? "";
    const cookie = `${AUTH_COOKIES.access}=${accessToken}; ${AUTH_COOKIES.refresh}=${refreshToken}; ${AUTH_COOKIES.csrf}=${csrf}`;
    const tab = () =>
      client.http.request("POST", "/api/auth/refresh", {
        headers: { cookie, [CSRF_HEADER]: csrf },
      });

    const [one, two] = await Promise.all([tab(), tab()]);

    expect([one.status, two.status]).toEqual([200, 200]);
    const [first, second] = [cookiesSet(one.headers), cookiesSet(two.headers)];
    expect(first[AUTH_COOKIES.refresh]).toBeTruthy();
    expect(second[AUTH_COOKIES.refresh]).toBe(first[AUTH_COOKIES.refresh]);
    expect(second[AUTH_COOKIES.access]).toBe(first[AUTH_COOKIES.access]);
    expect(one.json).toEqual(two.json);
    expect((await client.get("/api/me")).status).toBe(200);
    expect((await client.refresh()).status).toBe(200);
  });
});

describe("session deny-list", () => {
  it("refuses an access token copied before logout as soon as the logout answers", async () => {
    const client = await signedIn();
    const accessToken = (await client.http.cookie(AUTH_COOKIES.access)) ?? "";

    expect((await client.logout()).status).toBe(204);

    await client.http.setCookie(AUTH_COOKIES.access, accessToken);
    expectApiError(await client.get("/api/me"), 401, "UNAUTHENTICATED");
  });

  it("refuses the session's access tokens as soon as refresh-token reuse revokes it", async () => {
    const client = await signedIn();
    const first = (await client.refreshToken()) ?? "";
    expect((await client.refresh()).status).toBe(200);
    expect((await client.refresh()).status).toBe(200);
    const accessToken = (await client.http.cookie(AUTH_COOKIES.access)) ?? "";
    expect((await client.get("/api/me")).status).toBe(200);

    await client.http.setCookie(AUTH_COOKIES.refresh, first, "/api/auth");
    expectApiError(await client.refresh(), 401, "UNAUTHENTICATED");

    await client.http.setCookie(AUTH_COOKIES.access, accessToken);
    expectApiError(await client.get("/api/me"), 401, "UNAUTHENTICATED");
  });

  it("leaves the customer's other sessions alone", async () => {
    const kept = await signedIn();
    const ended = await signedIn();

    expect((await ended.logout()).status).toBe(204);

    expect((await kept.get("/api/me")).status).toBe(200);
  });
});

describe("access token claims", () => {
  it.each([
    ["a sub that is not a uuid", { sub: "1' OR '1'='1", sid: crypto.randomUUID() }],
    ["no session id", { sub: crypto.randomUUID() }],
    ["a numeric sub", { sub: 42, sid: crypto.randomUUID() }],
  ])("answers a correctly signed token with %s with 401, not 500", async (_label, claims) => {
    const token = await new SignJWT(claims as Record<string, unknown>)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer("portal-bff")
      .setAudience("portal")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(stack.secrets.jwtAccessSecret));
    const client = stack.newClient();
    await client.http.setCookie(AUTH_COOKIES.access, token);

    expectApiError(await client.get("/api/me"), 401, "UNAUTHENTICATED");
    expectApiError(await client.get("/api/invoices"), 401, "UNAUTHENTICATED");
  });
});

describe("CSRF token bound to the session", () => {
  it("rotates the token at login: one chosen before login no longer passes", async () => {
    const client = stack.newClient();
    const beforeLogin = await client.csrfToken();

    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);

    const afterLogin = await client.csrfToken();
    expect(afterLogin).not.toBe(beforeLogin);
    const stale = await client.request("POST", "/api/auth/refresh", {
      csrf: false,
      headers: {
        [CSRF_HEADER]: beforeLogin,
        cookie: `${AUTH_COOKIES.access}=${(await client.http.cookie(AUTH_COOKIES.access)) ?? ""}; ${AUTH_COOKIES.refresh}=${(await client.refreshToken()) ?? ""}; ${AUTH_COOKIES.csrf}=${beforeLogin}`,
      },
    });
    expectApiError(stale, 403, "CSRF_INVALID");
    expect((await client.refresh()).status).toBe(200);
    expect(await client.csrfToken()).toBe(afterLogin);
  });

  it("refuses a token an attacker planted before the victim signed in", async () => {
    const attacker = stack.newClient();
    const planted = await attacker.csrfToken();
    const victim = stack.newClient();
    await victim.http.setCookie(AUTH_COOKIES.csrf, planted);
    expect((await victim.login(DEMO.email, DEMO.password)).status).toBe(200);

    const forged = await victim.request("POST", "/api/auth/logout", {
      csrf: false,
      headers: {
        [CSRF_HEADER]: planted,
        cookie: `${AUTH_COOKIES.access}=${(await victim.http.cookie(AUTH_COOKIES.access)) ?? ""}; ${AUTH_COOKIES.csrf}=${planted}`,
      },
    });

    expectApiError(forged, 403, "CSRF_INVALID");
    expect((await victim.get("/api/me")).status).toBe(200);
  });

  it("refuses one session's token in another session, and GET /api/auth/csrf then issues a fitting one", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const alicesToken = await alice.csrfToken();
    await bob.http.setCookie(AUTH_COOKIES.csrf, alicesToken);

    expectApiError(await bob.refresh(), 403, "CSRF_INVALID");

    const reissued = await bob.get("/api/auth/csrf");
    expect(reissued.json).not.toEqual({ csrfToken: alicesToken });
    expect((await bob.refresh()).status).toBe(200);
  });
});
