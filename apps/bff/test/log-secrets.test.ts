import { AUTH_COOKIES } from "@portal/domain";
import { signWebhook } from "@portal/whmcs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { HttpSession } from "./support/http-session.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ LOG_LEVEL: "trace" });
});

afterAll(async () => {
  await stack?.close();
});

describe("secrets never reach the log", () => {
  it("keeps every seeded secret out of every log line, through sign-in, refresh, failures and webhooks", async () => {
    const seeded = new Set<string>([
      DEMO.password,
      stack.secrets.jwtAccessSecret,
      stack.secrets.whmcsApiSecret,
      stack.secrets.whmcsWebhookSecret,
    ]);
    const client = stack.newClient();
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
    expect((await client.refresh()).status).toBe(200);
    const accessToken = (await client.http.cookie(AUTH_COOKIES.access)) ?? "";
    const refreshToken = (await client.refreshToken()) ?? "";
    const csrfToken = await client.csrfToken();
    for (const value of [accessToken, refreshToken, csrfToken]) {
      seeded.add(value);
    }
    // Tokens in query strings and paths, as a careless link or a probe would send them.
    await client.get(`/api/me?token=${accessToken}`);
    await client.get(`/api/invoices/${refreshToken}`);
    await client.get(
      `/api/auth/csrf?csrf=${csrfToken}&password=${encodeURIComponent(DEMO.password)}`,
    );
    // Sign-ups that fail after the password was hashed, or on the way there.
    const signup = await stack.newClient().withSignupCode(signupBody(UNREGISTERED.hanako));
    seeded.add(signup.password);
    // The e-mailed code, as a string value anywhere (a bare 6-digit run may be part of a number).
    seeded.add(`"${signup.code}"`);
    await stack.control.fault({ system: "salesforce", kind: "http5xx", match: "Account" });
    await stack.newClient().signup(signup);
    await stack.control.clearFaults();
    await stack.newClient().signup({ ...signup, lastName: "Suzuki\u0000" });
    await stack.newClient().signup({ ...signup, phone: "090-0000-0000" });
    await stack.newClient().login(DEMO.email, "Wrong1234!portal");
    // A signed webhook: the signature is a credential too.
    const body = JSON.stringify({
      event: "ClientEdit",
      clientId: DEMO.whmcsClientId,
      occurredAt: "2026-01-02T03:04:05Z",
    });
    const headers = signWebhook(
      body,
      stack.secrets.whmcsWebhookSecret,
      Math.floor(Date.now() / 1000),
    );
    seeded.add(headers["x-portal-signature"].replace(/^sha256=/, ""));
    await new HttpSession(stack.bffUrl).request("POST", "/api/webhooks/whmcs", {
      rawBody: body,
      headers: { "content-type": "application/json", ...headers },
    });
    expect((await client.logout()).status).toBe(204);
    // A password reset: the token travels in a mail, a JSON body and (carelessly) a query string.
    const resetter = stack.newClient();
    expect((await resetter.post("/api/auth/password/forgot", { email: DEMO.email })).status).toBe(
      202,
    );
    const [resetMail] = await eventually(
      () => stack.control.mail(DEMO.email),
      (messages) => messages.some((message) => message.text.includes("token=")),
      { attempts: 300, intervalMs: 100 },
    );
    const resetToken = /token=([\w-]+)/.exec(resetMail?.text ?? "")?.[1] ?? "";
    const newPassword = "Reset-in-the-log-2026";
    seeded.add(resetToken);
    seeded.add(newPassword);
    await resetter.get(`/api/auth/password/reset?token=${resetToken}`);
    expect(
      (
        await resetter.post("/api/auth/password/reset", {
          token: resetToken,
          password: newPassword,
        })
      ).status,
    ).toBe(204);

    const lines = stack.logLines;
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      for (const secret of seeded) {
        expect(line, `a log line contains a seeded secret (${secret.slice(0, 6)}…)`).not.toContain(
          secret,
        );
      }
      expect(line).not.toMatch(/\$argon2/);
      expect(line).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
    }
  });
});
