import { Logger } from "@nestjs/common";
import { type AppError } from "../http/app-error.js";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { parseConfig } from "../config/parse-config.js";
import { type SignupCodesRepository } from "./repositories/signup-codes.repository.js";
import { type SignupCodeRow } from "./schema/signup-codes.js";
import { type MailService } from "../mail/mail.service.js";
import { ExpiringCounters } from "./expiring-counters.js";
import { SignupCodes } from "./signup-codes.js";

/** The repository's semantics, in memory (the real one is exercised by the HTTP tests). */
class FakeSignupCodesRepository {
  readonly rows = new Map<string, SignupCodeRow>();

  replace(addressHash: string, codeHash: string, sentAt: Date, expiresAt: Date) {
    this.rows.set(addressHash, { addressHash, codeHash, failedAttempts: 0, sentAt, expiresAt });
    return Promise.resolve();
  }

  claimAttempt(addressHash: string, maxAttempts: number, now: Date) {
    const row = this.rows.get(addressHash);
    if (!row || row.expiresAt <= now || row.failedAttempts >= maxAttempts) {
      return Promise.resolve(undefined);
    }
    row.failedAttempts += 1;
    return Promise.resolve({ ...row });
  }

  releaseAttempt(addressHash: string, codeHash: string) {
    const row = this.rows.get(addressHash);
    if (row?.codeHash === codeHash && row.failedAttempts > 0) row.failedAttempts -= 1;
    return Promise.resolve();
  }

  remove(addressHash: string, codeHash: string) {
    if (this.rows.get(addressHash)?.codeHash === codeHash) this.rows.delete(addressHash);
    return Promise.resolve();
  }
}

/** Records what would have been mailed. */
class FakeMail {
  readonly sent: { template: string; to: string; locale: string; code: string }[] = [];

  send(template: string, to: string, locale: string, data: { code: string }) {
    this.sent.push({ template, to, locale, code: data.code });
    return Promise.resolve("job-id");
  }
}

const CLIENT = { ip: "203.0.113.7", userAgent: "unit" };
const EMAIL = "hanako@example.jp";

function codesWith(env: Record<string, string> = {}) {
  const config = parseConfig({ ...MINIMAL_ENV, ...env });
  const repository = new FakeSignupCodesRepository();
  const mail = new FakeMail();
  const codes = new SignupCodes(
    config,
    repository as unknown as SignupCodesRepository,
    new ExpiringCounters(config, null),
    mail as unknown as MailService,
  );
  return { codes, repository, mail };
}

/** The AppError code `promise` rejects with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as AppError | null;
  return error?.code ?? "resolved";
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe("SignupCodes", () => {
  let setup: ReturnType<typeof codesWith>;

  beforeEach(() => {
    setup = codesWith({ SIGNUP_CODE_RESEND_SECONDS: "0" });
  });

  it("mails 6 digits in the customer's language and stores neither the code nor the address", async () => {
    const answer = await setup.codes.send(EMAIL, CLIENT, "en");

    expect(answer).toEqual({ resendAfterSeconds: 0, validMinutes: 10 });
    const [mail] = setup.mail.sent;
    expect(mail).toMatchObject({ template: "signup-verification-code", to: EMAIL, locale: "en" });
    expect(mail?.code).toMatch(/^\d{6}$/);
    const [row] = [...setup.repository.rows.values()];
    expect(row && row.expiresAt.getTime() - row.sentAt.getTime()).toBe(10 * 60_000);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(EMAIL);
    expect(stored).not.toContain(`"${mail?.code}"`);
  });

  it("accepts the right code, refuses another, and binds the code to its address", async () => {
    await setup.codes.send(EMAIL, CLIENT, "ja");
    const code = setup.mail.sent[0]!.code;
    const other = code === "000000" ? "000001" : "000000";

    expect(await refusal(setup.codes.claim(EMAIL, other))).toBe("SIGNUP_CODE_INVALID");
    expect(await refusal(setup.codes.claim("someone@example.jp", code))).toBe(
      "SIGNUP_CODE_EXPIRED",
    );
    await expect(setup.codes.claim(EMAIL, code)).resolves.toMatchObject({
      addressHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("lets 5 refused attempts through, then calls the code expired, even the right one", async () => {
    await setup.codes.send(EMAIL, CLIENT, "ja");
    const code = setup.mail.sent[0]!.code;
    const wrong = code === "999999" ? "999998" : "999999";

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await refusal(setup.codes.claim(EMAIL, wrong))).toBe("SIGNUP_CODE_INVALID");
    }

    expect(await refusal(setup.codes.claim(EMAIL, code))).toBe("SIGNUP_CODE_EXPIRED");
  });

  it("does not count a released attempt, and forgets a spent code", async () => {
    await setup.codes.send(EMAIL, CLIENT, "ja");
    const code = setup.mail.sent[0]!.code;

    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await setup.codes.release(await setup.codes.claim(EMAIL, code));
    }
    const claimed = await setup.codes.claim(EMAIL, code);
    await setup.codes.spend(claimed);

    expect(await refusal(setup.codes.claim(EMAIL, code))).toBe("SIGNUP_CODE_EXPIRED");
  });

  it("calls a code past its 10 minutes expired", async () => {
    await setup.codes.send(EMAIL, CLIENT, "ja");
    const code = setup.mail.sent[0]!.code;
    for (const row of setup.repository.rows.values()) row.expiresAt = new Date(Date.now() - 1);

    expect(await refusal(setup.codes.claim(EMAIL, code))).toBe("SIGNUP_CODE_EXPIRED");
  });

  it("replaces the address's code with a new one", async () => {
    await setup.codes.send(EMAIL, CLIENT, "ja");
    await setup.codes.send(EMAIL, CLIENT, "ja");
    const [first, second] = setup.mail.sent.map((mail) => mail.code);

    if (first !== second) {
      expect(await refusal(setup.codes.claim(EMAIL, first!))).toBe("SIGNUP_CODE_INVALID");
    }
    await expect(setup.codes.claim(EMAIL, second!)).resolves.toBeDefined();
  });
});

describe("SignupCodes send limits", () => {
  it("sends one code per cooldown to an address", async () => {
    const { codes, mail } = codesWith({ SIGNUP_CODE_RESEND_SECONDS: "60" });
    await codes.send(EMAIL, CLIENT, "ja");

    expect(await refusal(codes.send(EMAIL, CLIENT, "ja"))).toBe("RATE_LIMITED");
    const error = await codes.send(EMAIL, CLIENT, "ja").catch((e: unknown) => e as AppError);
    const retryAfter = Number(error && "headers" in error ? error.headers["retry-after"] : 0);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(mail.sent).toHaveLength(1);
    await expect(codes.send("other@example.jp", CLIENT, "ja")).resolves.toBeDefined();
  });

  it("sends an address at most SIGNUP_CODES_PER_ADDRESS_PER_HOUR codes", async () => {
    const { codes, mail } = codesWith({
      SIGNUP_CODE_RESEND_SECONDS: "0",
      SIGNUP_CODES_PER_ADDRESS_PER_HOUR: "3",
    });
    for (let n = 1; n <= 3; n += 1)
      await codes.send(EMAIL, { ...CLIENT, ip: `198.51.100.${n}` }, "ja");

    expect(await refusal(codes.send(EMAIL, { ...CLIENT, ip: "198.51.100.9" }, "ja"))).toBe(
      "RATE_LIMITED",
    );
    expect(mail.sent).toHaveLength(3);
  });

  it("sends one client IP at most SIGNUP_CODES_PER_IP_PER_HOUR codes, whatever the addresses", async () => {
    const { codes, mail } = codesWith({
      SIGNUP_CODE_RESEND_SECONDS: "0",
      SIGNUP_CODES_PER_IP_PER_HOUR: "2",
    });
    await codes.send("a@example.jp", CLIENT, "ja");
    await codes.send("b@example.jp", CLIENT, "ja");

    expect(await refusal(codes.send("c@example.jp", CLIENT, "ja"))).toBe("RATE_LIMITED");
    await expect(
      codes.send("c@example.jp", { ...CLIENT, ip: "203.0.113.8" }, "ja"),
    ).resolves.toBeDefined();
    expect(mail.sent.map((sent) => sent.to)).toEqual([
      "a@example.jp",
      "b@example.jp",
      "c@example.jp",
    ]);
  });
});
