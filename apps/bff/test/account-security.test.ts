import { accountSessionListSchema, securityActivitySchema } from "@portal/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const FIREFOX_ON_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

async function signIn(email: string, password: string, userAgent?: string): Promise<PortalClient> {
  const client = stack.newClient();
  const headers = userAgent ? { "user-agent": userAgent } : undefined;
  const response = await client.post("/api/auth/login", { email, password }, { headers });
  expect(response.status).toBe(200);
  return client;
}

function del(client: PortalClient, path: string) {
  return client.request("DELETE", path);
}

describe("sessions", () => {
  it("lists each signed-in browser with its device, IP and uses, marking the caller's", async () => {
    const laptop = await signIn(DEMO.email, DEMO.password, FIREFOX_ON_WINDOWS);
    const phone = await signIn(DEMO.email, DEMO.password, SAFARI_ON_IPHONE);

    const response = await phone.get("/api/auth/sessions");

    expect(response.status).toBe(200);
    const { sessions } = accountSessionListSchema.parse(response.json);
    const current = sessions.filter((session) => session.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({
      browser: "Safari 18.1",
      os: "iOS 18.1",
      device: "mobile",
      ip: "127.0.0.1",
    });
    const other = sessions.find((session) => session.browser === "Firefox 133.0");
    expect(other).toMatchObject({ os: "Windows 10", device: "desktop", current: false });
    expect(Date.parse(other?.firstUsedAt ?? "")).toBeLessThanOrEqual(
      Date.parse(other?.lastUsedAt ?? ""),
    );
    expect((await laptop.get("/api/me")).status).toBe(200);
  });

  it("moves a session's last use on refresh and keeps its first", async () => {
    const client = await signIn(DEMO.email, DEMO.password);
    const before = accountSessionListSchema
      .parse((await client.get("/api/auth/sessions")).json)
      .sessions.find((session) => session.current);
    expect((await client.refresh()).status).toBe(200);
    const after = accountSessionListSchema
      .parse((await client.get("/api/auth/sessions")).json)
      .sessions.find((session) => session.current);
    expect(after?.id).toBe(before?.id);
    expect(after?.firstUsedAt).toBe(before?.firstUsedAt);
    expect(Date.parse(after?.lastUsedAt ?? "")).toBeGreaterThanOrEqual(
      Date.parse(before?.lastUsedAt ?? ""),
    );
  });

  it("ends another session: its access token stops at once and it leaves the list", async () => {
    const victim = await signIn(DEMO.email, DEMO.password, FIREFOX_ON_WINDOWS);
    const owner = await signIn(DEMO.email, DEMO.password);
    const victimId = accountSessionListSchema
      .parse((await victim.get("/api/auth/sessions")).json)
      .sessions.find((session) => session.current)?.id;

    expect((await del(owner, `/api/auth/sessions/${victimId}`)).status).toBe(204);

    expectApiError(await victim.get("/api/me"), 401, "UNAUTHENTICATED");
    expect((await victim.refresh()).status).toBe(401);
    const listed = accountSessionListSchema.parse((await owner.get("/api/auth/sessions")).json);
    expect(listed.sessions.map((session) => session.id)).not.toContain(victimId);
    expectApiError(await del(owner, `/api/auth/sessions/${victimId}`), 404, "NOT_FOUND");
  });

  it("answers 404 for another customer's session and 400 naming the id for a malformed one", async () => {
    const demo = await signIn(DEMO.email, DEMO.password);
    const demoSessionId = accountSessionListSchema
      .parse((await demo.get("/api/auth/sessions")).json)
      .sessions.find((session) => session.current)?.id;
    const kenji = stack.newClient();
    expect((await kenji.signup(signupBody(UNREGISTERED.kenji))).status).toBe(201);

    expectApiError(await del(kenji, `/api/auth/sessions/${demoSessionId}`), 404, "NOT_FOUND");
    expect((await demo.get("/api/me")).status).toBe(200);
    const malformed = expectApiError(
      await del(kenji, "/api/auth/sessions/nope"),
      400,
      "VALIDATION_FAILED",
    );
    expect(malformed.fields).toHaveProperty("id");
  });

  it("ends every other session and keeps the caller's", async () => {
    const others = [
      await signIn(DEMO.email, DEMO.password),
      await signIn(DEMO.email, DEMO.password),
    ];
    const keeper = await signIn(DEMO.email, DEMO.password);

    const response = await keeper.post("/api/auth/sessions/end-others");

    expect(response.status).toBe(200);
    expect((response.json as { ended: number }).ended).toBeGreaterThanOrEqual(2);
    for (const other of others) {
      expectApiError(await other.get("/api/me"), 401, "UNAUTHENTICATED");
    }
    expect((await keeper.get("/api/me")).status).toBe(200);
    const { sessions } = accountSessionListSchema.parse(
      (await keeper.get("/api/auth/sessions")).json,
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.current).toBe(true);
  });

  it("needs a session", async () => {
    expectApiError(await stack.newClient().get("/api/auth/sessions"), 401, "UNAUTHENTICATED");
    expectApiError(await stack.newClient().get("/api/auth/activity"), 401, "UNAUTHENTICATED");
  });
});

describe("security activity", () => {
  it("lists the caller's sign-ins and failures, newest first, with IP and browser", async () => {
    const failed = stack.newClient();
    expect((await failed.login(DEMO.email, "wrong password 1")).status).toBe(401);
    const client = await signIn(DEMO.email, DEMO.password, FIREFOX_ON_WINDOWS);

    const response = await client.get("/api/auth/activity");

    expect(response.status).toBe(200);
    const { events } = securityActivitySchema.parse(response.json);
    expect(events.length).toBeLessThanOrEqual(50);
    expect(events[0]).toMatchObject({
      type: "login_succeeded",
      ip: "127.0.0.1",
      client: "Firefox 133.0 / Windows 10",
    });
    expect(events[1]).toMatchObject({ type: "login_failed" });
    const times = events.map((event) => Date.parse(event.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("shows no other customer's events", async () => {
    const kenji = await signIn(
      signupBody(UNREGISTERED.kenji).email,
      signupBody(UNREGISTERED.kenji).password,
    );
    const { events } = securityActivitySchema.parse((await kenji.get("/api/auth/activity")).json);
    expect(events.map((event) => event.type)).not.toContain("login_failed");
    expect(events.map((event) => event.type)).toContain("signup");
  });
});

describe("password change", () => {
  const hanako = signupBody(UNREGISTERED.hanako);
  const newPassword = "Changed5678!portal";

  it("signs up hanako", async () => {
    expect((await stack.newClient().signup(hanako)).status).toBe(201);
  });

  it("refuses a new password that breaks the sign-up rule, naming the field", async () => {
    const client = await signIn(hanako.email, hanako.password);
    const response = await client.post("/api/auth/password/change", {
      currentPassword: hanako.password,
      newPassword: "short",
    });
    const error = expectApiError(response, 400, "VALIDATION_FAILED");
    expect(error.fields).toHaveProperty("newPassword");
  });

  it("refuses a wrong current password, naming the field", async () => {
    const client = await signIn(hanako.email, hanako.password);
    const response = await client.post("/api/auth/password/change", {
      currentPassword: "not my password 1",
      newPassword,
    });
    const error = expectApiError(response, 400, "PASSWORD_INCORRECT");
    expect(error.fields).toHaveProperty("currentPassword");
  });

  it("changes it: the old password stops, the new one works, other sessions end, this one stays", async () => {
    const other = await signIn(hanako.email, hanako.password);
    const client = await signIn(hanako.email, hanako.password);

    const response = await client.post("/api/auth/password/change", {
      currentPassword: hanako.password,
      newPassword,
    });

    expect(response.status).toBe(204);
    expect((await client.get("/api/me")).status).toBe(200);
    expectApiError(await other.get("/api/me"), 401, "UNAUTHENTICATED");
    expectApiError(
      await stack.newClient().login(hanako.email, hanako.password),
      401,
      "INVALID_CREDENTIALS",
    );
    expect((await stack.newClient().login(hanako.email, newPassword)).status).toBe(200);
    const { events } = securityActivitySchema.parse((await client.get("/api/auth/activity")).json);
    expect(events.map((event) => event.type)).toContain("password_changed");
  });

  it("counts wrong current passwords towards the login lockout", async () => {
    const client = await signIn(hanako.email, newPassword);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await client.post("/api/auth/password/change", {
        currentPassword: `wrong password ${attempt}`,
        newPassword: "Another9012!portal",
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const locked = await client.post("/api/auth/password/change", {
      currentPassword: newPassword,
      newPassword: "Another9012!portal",
    });
    expectApiError(locked, 423, "ACCOUNT_LOCKED");
    expectApiError(await stack.newClient().login(hanako.email, newPassword), 423, "ACCOUNT_LOCKED");
  });
});
