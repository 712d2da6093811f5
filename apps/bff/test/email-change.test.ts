import { customerProfileSchema, emailChangeStartedSchema } from "@portal/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PasswordHasher } from "../src/modules/auth/password-hasher.js";
import { UsersRepository } from "../src/modules/identity/repositories/users.repository.js";
import { expectApiError } from "./support/api-error.js";
import { DEMO, MIGRATION } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { type PortalClient } from "./support/portal-client.js";
import { type SandboxMail } from "./support/sandbox-control.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;
let demo: PortalClient;
/** The demo customer's current login address (the tests move it along). */
let demoEmail: string = DEMO.email;

beforeAll(async () => {
  stack = await startStack();
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
});

beforeEach(async () => {
  await stack.control.clearFaults();
});

afterAll(async () => {
  await stack?.close();
});

let keyCount = 0;
function confirm(client: PortalClient, code: string, key = `email-change-${++keyCount}`) {
  return client.post("/api/me/email/confirm", { code }, { headers: { "idempotency-key": key } });
}

/** The mails to `to` once `count` arrived, newest first. */
function mailsTo(to: string, count = 1): Promise<SandboxMail[]> {
  return eventually(
    () => stack.control.mail(to),
    (messages) => messages.length >= count,
    { attempts: 300, intervalMs: 100 },
  );
}

/** Asks for the change of the demo customer to `newEmail` and returns the mailed code. */
async function codeFor(newEmail: string, mailsBefore = 0): Promise<string> {
  const response = await demo.post("/api/me/email", { newEmail, currentPassword: DEMO.password });
  expect(response.status).toBe(202);
  const [mail] = await mailsTo(newEmail, mailsBefore + 1);
  const code = /\b(\d{6})\b/.exec(mail?.text ?? "")?.[1];
  expect(code).toBeDefined();
  return code ?? "";
}

async function whmcsEmail(clientId: number): Promise<string> {
  const body = await stack.whmcs.call("GetClientsDetails", { clientid: String(clientId) });
  return String((body.client as { email: string }).email);
}

async function profileEmail(): Promise<string> {
  return customerProfileSchema.parse((await demo.get("/api/me")).json).email;
}

function wrongCode(code: string): string {
  return code === "000000" ? "000001" : "000000";
}

describe("POST /api/me/email", () => {
  it("sends a code to the new address in the customer's language and says until when", async () => {
    const response = await demo.post("/api/me/email", {
      newEmail: "  Taro.New@Example.JP ",
      currentPassword: DEMO.password,
    });

    expect(response.status).toBe(202);
    const started = emailChangeStartedSchema.parse(response.json);
    expect(started.newEmail).toBe("taro.new@example.jp");
    expect(Date.parse(started.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    const [mail] = await mailsTo("taro.new@example.jp");
    expect(mail?.subject).toBe("【Aozora Net】新しいメールアドレスの確認コード");
    expect(mail?.text).toMatch(/\b\d{6}\b/);
    expect(await profileEmail()).toBe(DEMO.email);
  });

  it("refuses a wrong current password by name, counting it towards the lockout", async () => {
    const error = expectApiError(
      await demo.post("/api/me/email", {
        newEmail: "x@example.jp",
        currentPassword: "wrong-one-1",
      }),
      400,
      "PASSWORD_INCORRECT",
    );
    expect(Object.keys(error.fields ?? {})).toEqual(["currentPassword"]);
    // The successful login below clears the failure count.
    expect((await stack.newClient().login(DEMO.email, DEMO.password)).status).toBe(200);
  });

  it("answers 400 naming the field for bad input and for the current address", async () => {
    const malformed = expectApiError(
      await demo.post("/api/me/email", { newEmail: "nope", currentPassword: DEMO.password }),
      400,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(malformed.fields ?? {})).toEqual(["newEmail"]);
    const same = expectApiError(
      await demo.post("/api/me/email", { newEmail: demoEmail, currentPassword: DEMO.password }),
      400,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(same.fields ?? {})).toEqual(["newEmail"]);
    const noCode = expectApiError(await confirm(demo, "12"), 400, "VALIDATION_FAILED");
    expect(Object.keys(noCode.fields ?? {})).toEqual(["code"]);
  });

  it("answers an address another portal user has like any other, and mails it no code", async () => {
    const hasher = stack.app.get(PasswordHasher);
    await stack.app.get(UsersRepository).createWithMapping(
      {
        email: "taken@example.jp",
        passwordHash: await hasher.hash("Someone-else-1"),
        firstName: "Other",
        lastName: "User",
      },
      {
        whmcsClientId: DEMO.otherWhmcsClientId,
        sfAccountId: "001OTHER000000001",
        sfContactId: null,
        customerNumber: "900100",
      },
    );

    const response = await demo.post("/api/me/email", {
      newEmail: "taken@example.jp",
      currentPassword: DEMO.password,
    });

    expect(response.status).toBe(202);
    expect(emailChangeStartedSchema.parse(response.json).newEmail).toBe("taken@example.jp");
    // A later address's code arrives; by then the refused one would have been sent too.
    await codeFor("later@example.jp");
    expect(await stack.control.mail("taken@example.jp")).toEqual([]);
  });

  it("needs a session", async () => {
    expectApiError(
      await stack
        .newClient()
        .post("/api/me/email", { newEmail: "a@example.jp", currentPassword: "x" }),
      401,
      "UNAUTHENTICATED",
    );
  });
});

describe("POST /api/me/email/confirm", () => {
  it("refuses a wrong code by name and ends the change after five", async () => {
    const code = await codeFor("five@example.jp");
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const error = expectApiError(
        await confirm(demo, wrongCode(code)),
        400,
        "EMAIL_CHANGE_CODE_INVALID",
      );
      expect(Object.keys(error.fields ?? {})).toEqual(["code"]);
    }
    expectApiError(await confirm(demo, code), 400, "EMAIL_CHANGE_CODE_INVALID");
    expect(await profileEmail()).toBe(demoEmail);
  });

  it("leaves both systems unchanged when WHMCS fails, and the same code works after", async () => {
    const newEmail = "after.outage@example.jp";
    const code = await codeFor(newEmail);
    await stack.control.fault({
      system: "whmcs",
      match: "UpdateClient",
      kind: "http5xx",
      status: 503,
    });

    expectApiError(await confirm(demo, code), 503, "UPSTREAM_UNAVAILABLE");
    await stack.control.clearFaults();
    expect(await whmcsEmail(DEMO.whmcsClientId)).toBe(demoEmail);
    expect(await profileEmail()).toBe(demoEmail);

    expect((await confirm(demo, code)).status).toBe(204);
    demoEmail = newEmail;
    expect(await whmcsEmail(DEMO.whmcsClientId)).toBe(newEmail);
  });

  it("refuses an address WHMCS has for another client by name, changing nothing", async () => {
    const code = await codeFor(MIGRATION.email);

    const error = expectApiError(await confirm(demo, code), 409, "EMAIL_IN_USE");

    expect(Object.keys(error.fields ?? {})).toEqual(["newEmail"]);
    expect(await whmcsEmail(DEMO.whmcsClientId)).toBe(demoEmail);
    expect(await profileEmail()).toBe(demoEmail);
  });

  it("changes the login and WHMCS, tells the old address, and replays a retried confirmation", async () => {
    const oldEmail = demoEmail;
    const newEmail = "taro.changed@example.jp";
    const code = await codeFor(newEmail);
    const key = "confirm-once";

    const response = await confirm(demo, code, key);

    expect(response.status).toBe(204);
    demoEmail = newEmail;
    expect((await confirm(demo, code, key)).status).toBe(204);
    expectApiError(await confirm(demo, code), 400, "EMAIL_CHANGE_CODE_INVALID");
    // The cached profile was dropped: the page shows the new address at once.
    expect(await profileEmail()).toBe(newEmail);
    expect(await whmcsEmail(DEMO.whmcsClientId)).toBe(newEmail);
    expect((await stack.newClient().login(newEmail, DEMO.password)).status).toBe(200);
    expectApiError(
      await stack.newClient().login(oldEmail, DEMO.password),
      401,
      "INVALID_CREDENTIALS",
    );
    const [notice] = await eventually(
      async () =>
        (await stack.control.mail(oldEmail)).filter((mail) =>
          mail.subject.includes("変更されました"),
        ),
      (found) => found.length === 1,
      { attempts: 300, intervalMs: 100 },
    );
    expect(notice?.text).toContain(`ご登録のメールアドレスが ${newEmail} に変更されました`);
    const activity = await demo.get("/api/auth/activity");
    expect(JSON.stringify(activity.json)).toContain("email_changed");
  });

  it("refuses a confirmation with nothing pending", async () => {
    expectApiError(await confirm(demo, "123456"), 400, "EMAIL_CHANGE_CODE_INVALID");
  });
});
