import { securityActivitySchema } from "@portal/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PasswordHasher } from "../src/modules/auth/password-hasher.js";
import {
  PasswordResetService,
  RESET_MAILS_PER_WINDOW,
} from "../src/modules/auth/password-reset.service.js";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../src/modules/database/database.js";
import { PasswordResetTokensRepository } from "../src/modules/auth/repositories/password-reset-tokens.repository.js";
import { UsersRepository } from "../src/modules/identity/repositories/users.repository.js";
import { users } from "../src/modules/identity/schema/users.js";
import { expectApiError } from "./support/api-error.js";
import { DEMO } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { type PortalClient } from "./support/portal-client.js";
import { type SandboxMail } from "./support/sandbox-control.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const NO_CLIENT = { ip: null, userAgent: null };
let userCount = 0;

/**
 * A portal user of this test alone (no WHMCS client needed to sign in or reset), written
 * straight to the database so the tests do not depend on the sign-up flow.
 */
async function newUser(locale: "ja" | "en" = "ja"): Promise<{ email: string; password: string }> {
  userCount += 1;
  const email = `reset.${userCount}@example.jp`;
  const password = `Original${userCount}pass`;
  const passwordHash = await stack.app.get(PasswordHasher).hash(password);
  await stack.app.get(UsersRepository).createWithMapping(
    { email, passwordHash, firstName: "Reset", lastName: "Tester", locale },
    {
      whmcsClientId: 9000 + userCount,
      sfAccountId: `001RESET0000000${String(userCount).padStart(3, "0")}`,
      sfContactId: null,
      customerNumber: String(900000 + userCount),
    },
  );
  return { email, password };
}

/** The mails to `to` once `count` arrived, newest first. */
function mailsTo(to: string, count = 1): Promise<SandboxMail[]> {
  return eventually(
    () => stack.control.mail(to),
    (messages) => messages.length >= count,
    { attempts: 300, intervalMs: 100 },
  );
}

/** The token of the newest reset link mailed to `to`, once `count` reset mails arrived. */
async function resetToken(to: string, count = 1): Promise<string> {
  const mails = await eventually(
    () => stack.control.mail(to),
    (messages) =>
      messages.filter((mail) => mail.text.includes("reset-password?token=")).length >= count,
    { attempts: 300, intervalMs: 100 },
  );
  const link = mails.find((mail) => mail.text.includes("reset-password?token="));
  const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(link?.text ?? "")?.[1];
  expect(token).toBeDefined();
  return token ?? "";
}

async function signIn(email: string, password: string): Promise<PortalClient> {
  const client = stack.newClient();
  expect((await client.login(email, password)).status).toBe(200);
  return client;
}

describe("POST /api/auth/password/forgot", () => {
  it("answers 202 and mails a reset link in the customer's language", async () => {
    const ja = await newUser("ja");
    const response = await stack.newClient().post("/api/auth/password/forgot", { email: ja.email });

    expect(response.status).toBe(202);
    expect(response.text).toBe("");
    const [mail] = await mailsTo(ja.email);
    expect(mail?.subject).toBe("【Aozora Net】パスワード再設定のご案内");
    expect(mail?.text).toContain("有効期限は30分です");
    expect(mail?.text).toMatch(/http:\/\/localhost:3000\/auth\/reset-password\?token=[\w-]{43}\b/);
    expect(mail?.html).toContain("パスワードを再設定する");

    const en = await newUser("en");
    // The address is compared as typed: case and spaces do not matter.
    await stack
      .newClient()
      .post("/api/auth/password/forgot", { email: ` ${en.email.toUpperCase()} ` });
    const [english] = await mailsTo(en.email);
    expect(english?.subject).toBe("[Aozora Net] Reset your password");
    expect(english?.text).toContain("The link is valid for 30 minutes.");
  });

  it("answers an address without an account exactly the same and mails nothing", async () => {
    const known = await newUser();
    const client = stack.newClient();
    const unknown = await client.post("/api/auth/password/forgot", { email: "nobody@example.jp" });
    const registered = await client.post("/api/auth/password/forgot", { email: known.email });

    expect(unknown.status).toBe(202);
    expect(unknown.text).toBe(registered.text);
    expect([...unknown.headers.keys()].sort()).toEqual([...registered.headers.keys()].sort());
    // The known address's mail arrives; by then the other request's job has run too.
    await mailsTo(known.email);
    await eventually(
      async () =>
        (await stack.app
          .get(PasswordResetTokensRepository)
          .countIssuedSince(
            (await stack.app.get(UsersRepository).findByEmail(known.email))?.id ?? "",
            new Date(0),
          )) === 1,
      Boolean,
    );
    expect(await stack.control.mail("nobody@example.jp")).toEqual([]);
  });

  it("answers 400 naming email for a malformed address", async () => {
    const error = expectApiError(
      await stack.newClient().post("/api/auth/password/forgot", { email: "not-an-address" }),
      400,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.fields ?? {})).toEqual(["email"]);
  });

  it(`mails one address at most ${RESET_MAILS_PER_WINDOW} links an hour, whoever asks`, async () => {
    const user = await newUser();
    const service = stack.app.get(PasswordResetService);
    for (let sent = 0; sent < RESET_MAILS_PER_WINDOW + 2; sent += 1) {
      await service.issue(user.email, NO_CLIENT);
    }
    const userId = (await stack.app.get(UsersRepository).findByEmail(user.email))?.id ?? "";
    expect(
      await stack.app.get(PasswordResetTokensRepository).countIssuedSince(userId, new Date(0)),
    ).toBe(RESET_MAILS_PER_WINDOW);
  });
});

describe("POST /api/auth/password/reset", () => {
  it("sets the new password, ends every session at once and sends the security alert", async () => {
    const user = await newUser("en");
    const laptop = await signIn(user.email, user.password);
    const phone = await signIn(user.email, user.password);
    await stack.newClient().post("/api/auth/password/forgot", { email: user.email });
    const token = await resetToken(user.email);

    const response = await stack
      .newClient()
      .post("/api/auth/password/reset", { token, password: "Brand-new-2026" });

    expect(response.status).toBe(204);
    // Access tokens die at once (deny-list), refresh tokens are revoked.
    expectApiError(await laptop.get("/api/auth/sessions"), 401, "UNAUTHENTICATED");
    expectApiError(await phone.get("/api/auth/sessions"), 401, "UNAUTHENTICATED");
    expect((await laptop.refresh()).status).toBe(401);
    expectApiError(
      await stack.newClient().login(user.email, user.password),
      401,
      "INVALID_CREDENTIALS",
    );
    const fresh = await signIn(user.email, "Brand-new-2026");
    const { events } = securityActivitySchema.parse((await fresh.get("/api/auth/activity")).json);
    expect(events.map((event) => event.type)).toContain("password_reset");
    const alert = (await mailsTo(user.email, 2)).find((mail) =>
      mail.subject.includes("security setting"),
    );
    expect(alert?.text).toContain("Your password was reset and every device was signed out.");
  });

  it("takes a token once: the second use, and any other open link, is refused by code", async () => {
    const user = await newUser();
    await stack.newClient().post("/api/auth/password/forgot", { email: user.email });
    const first = await resetToken(user.email);
    await stack.newClient().post("/api/auth/password/forgot", { email: user.email });
    const second = await resetToken(user.email, 2);
    expect(second).not.toBe(first);

    const used = await stack
      .newClient()
      .post("/api/auth/password/reset", { token: second, password: "Second-choice-1" });
    expect(used.status).toBe(204);

    for (const token of [second, first]) {
      const error = expectApiError(
        await stack
          .newClient()
          .post("/api/auth/password/reset", { token, password: "Third-choice-1" }),
        400,
        "PASSWORD_RESET_TOKEN_INVALID",
      );
      expect(Object.keys(error.fields ?? {})).toEqual(["token"]);
    }
    await signIn(user.email, "Second-choice-1");
  });

  it("refuses a token older than 30 minutes and an unknown one", async () => {
    const user = await newUser();
    await stack.app
      .get(PasswordResetService)
      .issue(user.email, NO_CLIENT, new Date(Date.now() - 31 * 60_000));
    const token = await resetToken(user.email);

    expectApiError(
      await stack
        .newClient()
        .post("/api/auth/password/reset", { token, password: "Too-late-2026" }),
      400,
      "PASSWORD_RESET_TOKEN_INVALID",
    );
    expectApiError(
      await stack.newClient().post("/api/auth/password/reset", {
        token: "A".repeat(43),
        password: "Too-late-2026",
      }),
      400,
      "PASSWORD_RESET_TOKEN_INVALID",
    );
    await signIn(user.email, user.password);
  });

  it("ends a lockout", async () => {
    const user = await newUser();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await stack.newClient().login(user.email, "wrong password 1");
    }
    expectApiError(await stack.newClient().login(user.email, user.password), 423, "ACCOUNT_LOCKED");
    await stack.newClient().post("/api/auth/password/forgot", { email: user.email });
    const token = await resetToken(user.email);

    expect(
      (
        await stack
          .newClient()
          .post("/api/auth/password/reset", { token, password: "Unlocked-2026" })
      ).status,
    ).toBe(204);

    await signIn(user.email, "Unlocked-2026");
    const { db } = stack.app.get<DatabaseConnection>(DATABASE_CONNECTION);
    const [row] = await db.select().from(users).where(eq(users.email, user.email));
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("answers 400 naming the field for a malformed token or a weak password", async () => {
    const weak = expectApiError(
      await stack
        .newClient()
        .post("/api/auth/password/reset", { token: "A".repeat(43), password: "short" }),
      400,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(weak.fields ?? {})).toEqual(["password"]);
    const malformed = expectApiError(
      await stack.newClient().post("/api/auth/password/reset", {
        token: "has spaces/and slashes",
        password: "Good-pass-2026",
      }),
      400,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(malformed.fields ?? {})).toEqual(["token"]);
  });

  it("keeps the demo customer's password while nobody resets it", async () => {
    await signIn(DEMO.email, DEMO.password);
  });
});

describe("rate limit", () => {
  it("limits forgot-password requests per IP per hour (AUTH_PASSWORD_FORGOT_PER_HOUR)", async () => {
    const limited = await startStack({ AUTH_PASSWORD_FORGOT_PER_HOUR: "2" });
    try {
      const client = limited.newClient();
      const statuses = [];
      for (const email of ["a@example.jp", "b@example.jp", "c@example.jp"]) {
        statuses.push((await client.post("/api/auth/password/forgot", { email })).status);
      }
      expect(statuses).toEqual([202, 202, 429]);
      // Other auth routes keep their own budget.
      expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
    } finally {
      await limited.close();
    }
    // A second stack of its own starts inside the test: allow it the hook's time and more.
  }, 180_000);
});
