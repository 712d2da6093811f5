import {
  mfaChallengeSchema,
  mfaStatusSchema,
  recoveryCodesSchema,
  securityActivitySchema,
  totpEnrolmentSchema,
} from "@portal/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../src/modules/auth/totp.js";
import { expectApiError } from "./support/api-error.js";
import { signupBody, UNREGISTERED } from "./support/demo-data.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

// A higher lockout threshold than the challenge's 5 codes, so the two limits are told apart.
beforeAll(async () => {
  stack = await startStack({ AUTH_LOCKOUT_THRESHOLD: "12" });
});

afterAll(async () => {
  await stack?.close();
});

const hanako = signupBody(UNREGISTERED.hanako);
let secret = "";
let recoveryCodes: string[] = [];
/** The codes accepted so far, to present again (a replay stays refused whenever it is sent). */
const used: { confirm: string; login: string } = { confirm: "", login: "" };

/** A code for `secret` one step ahead or behind now, so it differs from the last one used. */
function codeAt(stepOffset: number): string {
  return totpCodeAt(secret, new Date(Date.now() + stepOffset * 30_000));
}

/** "１２３４５６": the code as a Japanese keyboard in full-width mode types it. */
function fullWidth(code: string): string {
  return code.replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
}

async function passwordStep(client: PortalClient, password = hanako.password): Promise<string> {
  const response = await client.login(hanako.email, password);
  expect(response.status).toBe(200);
  expect(response.headers.getSetCookie().join(";")).not.toContain("portal_at");
  return mfaChallengeSchema.parse(response.json).challengeId;
}

async function signedIn(): Promise<PortalClient> {
  const client = stack.newClient();
  const challengeId = await passwordStep(client);
  const response = await client.post("/api/auth/login/mfa", {
    challengeId,
    code: recoveryCodes.pop(),
  });
  expect(response.status).toBe(200);
  return client;
}

describe("enrolment", () => {
  let client: PortalClient;

  it("starts pending: a secret, its otpauth URI and an SVG QR code; login is unchanged", async () => {
    client = stack.newClient();
    expect((await client.signup(hanako)).status).toBe(201);
    expectApiError(
      await client.post("/api/auth/mfa/totp/confirm", { code: "123456" }),
      409,
      "MFA_NOT_ENABLED",
    );

    const response = await client.post("/api/auth/mfa/totp/enrol");

    expect(response.status).toBe(200);
    const enrolment = totpEnrolmentSchema.parse(response.json);
    secret = enrolment.secret;
    expect(new URL(enrolment.otpauthUri).searchParams.get("secret")).toBe(secret);
    expect(enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(mfaStatusSchema.parse((await client.get("/api/auth/mfa")).json).totpEnabled).toBe(false);
    const login = await stack.newClient().login(hanako.email, hanako.password);
    expect(login.json).toHaveProperty("user");
  });

  it("refuses a wrong code and a malformed one, naming the field", async () => {
    const wrong = String((Number(codeAt(0)) + 1) % 1_000_000).padStart(6, "0");
    const refused = expectApiError(
      await client.post("/api/auth/mfa/totp/confirm", { code: wrong }),
      400,
      "MFA_CODE_INVALID",
    );
    expect(refused.fields).toHaveProperty("code");
    const malformed = expectApiError(
      await client.post("/api/auth/mfa/totp/confirm", { code: "12ab" }),
      400,
      "VALIDATION_FAILED",
    );
    expect(malformed.fields).toHaveProperty("code");
  });

  it("confirms with a full-width code and shows ten recovery codes; enrolling again is refused", async () => {
    used.confirm = codeAt(0);
    const response = await client.post("/api/auth/mfa/totp/confirm", {
      code: fullWidth(used.confirm),
    });

    expect(response.status).toBe(200);
    recoveryCodes = recoveryCodesSchema.parse(response.json).recoveryCodes;
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(mfaStatusSchema.parse((await client.get("/api/auth/mfa")).json)).toEqual({
      totpEnabled: true,
      recoveryCodesLeft: 10,
    });
    expectApiError(await client.post("/api/auth/mfa/totp/enrol"), 409, "MFA_ALREADY_ENABLED");
  });
});

describe("login with 2FA", () => {
  it("asks for the code without cookies, then signs in with a code from the app", async () => {
    const client = stack.newClient();
    const challengeId = await passwordStep(client);
    expectApiError(await client.get("/api/me"), 401, "UNAUTHENTICATED");

    used.login = codeAt(1);
    const response = await client.post("/api/auth/login/mfa", { challengeId, code: used.login });

    expect(response.status).toBe(200);
    expect((await client.get("/api/me")).status).toBe(200);
  });

  it("refuses the same code a second time, and codes older than the last one used", async () => {
    const client = stack.newClient();
    const challengeId = await passwordStep(client);
    expectApiError(
      await client.post("/api/auth/login/mfa", { challengeId, code: used.login }),
      400,
      "MFA_CODE_INVALID",
    );
    expectApiError(
      await client.post("/api/auth/login/mfa", { challengeId, code: used.confirm }),
      400,
      "MFA_CODE_INVALID",
    );
  });

  it("signs in with a recovery code once; the same recovery code is refused afterwards", async () => {
    const code = recoveryCodes.pop() ?? "";
    const first = stack.newClient();
    const challengeId = await passwordStep(first);
    expect(
      (await first.post("/api/auth/login/mfa", { challengeId, code: code.toUpperCase() })).status,
    ).toBe(200);

    const second = stack.newClient();
    const again = await passwordStep(second);
    expectApiError(
      await second.post("/api/auth/login/mfa", { challengeId: again, code }),
      400,
      "MFA_CODE_INVALID",
    );
    const { events } = securityActivitySchema.parse((await first.get("/api/auth/activity")).json);
    expect(events.map((event) => event.type)).toContain("mfa_recovery_code_used");
    expect(mfaStatusSchema.parse((await first.get("/api/auth/mfa")).json).recoveryCodesLeft).toBe(
      9,
    );
  });

  it("spends a challenge after 5 wrong codes, and once it signed in", async () => {
    const client = stack.newClient();
    const challengeId = await passwordStep(client);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expectApiError(
        await client.post("/api/auth/login/mfa", { challengeId, code: "aaaaa-aaaa" + attempt }),
        400,
        "MFA_CODE_INVALID",
      );
    }
    expectApiError(
      await client.post("/api/auth/login/mfa", { challengeId, code: recoveryCodes[0] }),
      401,
      "MFA_CHALLENGE_EXPIRED",
    );

    const other = stack.newClient();
    const used = await passwordStep(other);
    expect(
      (await other.post("/api/auth/login/mfa", { challengeId: used, code: recoveryCodes.pop() }))
        .status,
    ).toBe(200);
    expectApiError(
      await other.post("/api/auth/login/mfa", { challengeId: used, code: recoveryCodes[0] }),
      401,
      "MFA_CHALLENGE_EXPIRED",
    );
  });

  it("refuses an unknown challenge and a malformed body, naming the field", async () => {
    const client = stack.newClient();
    expectApiError(
      await client.post("/api/auth/login/mfa", {
        challengeId: "0f8fad5b-d9cb-469f-a165-70867728950e",
        code: "123456",
      }),
      401,
      "MFA_CHALLENGE_EXPIRED",
    );
    const error = expectApiError(
      await client.post("/api/auth/login/mfa", { challengeId: "x", code: "123456" }),
      400,
      "VALIDATION_FAILED",
    );
    expect(error.fields).toHaveProperty("challengeId");
  });
});

describe("disabling", () => {
  it("needs the right password and a right code", async () => {
    const client = await signedIn();
    const wrongPassword = expectApiError(
      await client.post("/api/auth/mfa/totp/disable", {
        password: "not it 123456",
        code: codeAt(1),
      }),
      400,
      "PASSWORD_INCORRECT",
    );
    expect(wrongPassword.fields).toHaveProperty("password");
    expectApiError(
      await client.post("/api/auth/mfa/totp/disable", {
        password: hanako.password,
        code: "zzzzz-zzzzz",
      }),
      400,
      "MFA_CODE_INVALID",
    );
    expect(mfaStatusSchema.parse((await client.get("/api/auth/mfa")).json).totpEnabled).toBe(true);
  });

  it("turns 2FA off with the password and a recovery code; login needs the password only again", async () => {
    const client = await signedIn();

    const response = await client.post("/api/auth/mfa/totp/disable", {
      password: hanako.password,
      code: recoveryCodes.pop(),
    });

    expect(response.status).toBe(204);
    expect(mfaStatusSchema.parse((await client.get("/api/auth/mfa")).json).totpEnabled).toBe(false);
    expect((await stack.newClient().login(hanako.email, hanako.password)).json).toHaveProperty(
      "user",
    );
    expectApiError(
      await client.post("/api/auth/mfa/totp/disable", {
        password: hanako.password,
        code: "123456",
      }),
      409,
      "MFA_NOT_ENABLED",
    );
    const { events } = securityActivitySchema.parse((await client.get("/api/auth/activity")).json);
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(["mfa_enabled", "mfa_disabled"]),
    );
  });
});

describe("the lockout shared with login", () => {
  it("locks the account when wrong codes reach the threshold across challenges", async () => {
    const client = stack.newClient();
    expect((await client.post("/api/auth/mfa/totp/enrol")).status).toBe(401);
    const kenji = signupBody(UNREGISTERED.kenji);
    expect((await client.signup(kenji)).status).toBe(201);
    const enrolment = totpEnrolmentSchema.parse(
      (await client.post("/api/auth/mfa/totp/enrol")).json,
    );
    const confirm = await client.post("/api/auth/mfa/totp/confirm", {
      code: totpCodeAt(enrolment.secret, new Date()),
    });
    expect(confirm.status).toBe(200);

    const statuses: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const browser = stack.newClient();
      const login = await browser.login(kenji.email, kenji.password);
      if (login.status !== 200) {
        statuses.push(login.status);
        continue;
      }
      const { challengeId } = mfaChallengeSchema.parse(login.json);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const answer = await browser.post("/api/auth/login/mfa", {
          challengeId,
          code: "bbbbb-bbbb" + attempt,
        });
        statuses.push(answer.status);
      }
    }
    expect(statuses).toContain(423);
    expectApiError(
      await stack.newClient().login(kenji.email, kenji.password),
      423,
      "ACCOUNT_LOCKED",
    );
  });
});
