import { createHmac, hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type AppConfig } from "../config/config.schema.js";
import { type AppError } from "../http/app-error.js";
import { EmailChangeService } from "./email-change.service.js";

const SECRET = "x".repeat(48);
const USER = { id: "00000000-0000-4000-8000-000000000001", sessionId: "s" };
const CODE = "123456";

/** The stored form of `code`, as the service computes it (its key derives from the secret). */
function storedHash(code: string): string {
  const key = Buffer.from(hkdfSync("sha256", SECRET, "", "portal email-change code", 32));
  return createHmac("sha256", key).update(`${USER.id}:${code}`).digest("hex");
}

/**
 * The service over fakes: a pending change to `new@example.jp`, WHMCS answering `whmcsAnswer`,
 * the portal write failing with `portalFailure` (when given). Records every WHMCS e-mail write.
 */
function setUp(options: { whmcsAnswer?: "changed" | "email-in-use"; portalFailure?: Error }) {
  const whmcsWrites: string[] = [];
  const completed: string[] = [];
  const mails: string[] = [];
  const service = new EmailChangeService(
    { auth: { jwtAccessSecret: SECRET } } as AppConfig,
    { findByEmail: async () => undefined } as never,
    {
      find: async () => ({
        userId: USER.id,
        newEmail: "new@example.jp",
        codeHash: storedHash(CODE),
        failedAttempts: 0,
        expiresAt: new Date(Date.now() + 60_000),
        createdAt: new Date(),
      }),
      complete: async (_userId: string, email: string) => {
        if (options.portalFailure) throw options.portalFailure;
        completed.push(email);
      },
      discard: async () => undefined,
    } as never,
    {
      byUserId: async () => ({
        user: { id: USER.id, email: "old@example.jp", locale: "en" },
        mapping: { whmcsClientId: 7 },
      }),
    } as never,
    { forget: async () => undefined } as never,
    {
      clients: {
        changeEmail: async (_clientId: number, email: string) => {
          whmcsWrites.push(email);
          return whmcsWrites.length === 1 ? (options.whmcsAnswer ?? "changed") : "changed";
        },
      },
    } as never,
    {} as never,
    {} as never,
    { record: async () => undefined } as never,
    { send: async (template: string, to: string) => void mails.push(`${template}:${to}`) } as never,
  );
  const confirm = () => service.confirm(USER, { code: CODE }, { ip: null, userAgent: null });
  return { confirm, whmcsWrites, completed, mails };
}

/** A unique violation as node-postgres reports it (SQLSTATE 23505). */
function uniqueViolation(): Error {
  return Object.assign(new Error("duplicate key"), {
    code: "23505",
    constraint: "users_email_unique",
  });
}

describe("EmailChangeService.confirm", () => {
  it("writes WHMCS, then the portal, then tells the old address", async () => {
    const run = setUp({});
    await run.confirm();
    expect(run.whmcsWrites).toEqual(["new@example.jp"]);
    expect(run.completed).toEqual(["new@example.jp"]);
    expect(run.mails).toEqual(["email-changed-notice:old@example.jp"]);
  });

  it("answers EMAIL_IN_USE naming newEmail when WHMCS refuses a duplicate, writing nothing else", async () => {
    const run = setUp({ whmcsAnswer: "email-in-use" });
    const error = (await run.confirm().catch((caught: unknown) => caught)) as AppError;
    expect(error).toMatchObject({ code: "EMAIL_IN_USE", fields: { newEmail: expect.any(String) } });
    expect(run.completed).toEqual([]);
    expect(run.mails).toEqual([]);
  });

  it("sets WHMCS back when the portal write loses a race for the address", async () => {
    const run = setUp({ portalFailure: uniqueViolation() });
    await expect(run.confirm()).rejects.toMatchObject({ code: "EMAIL_IN_USE" });
    expect(run.whmcsWrites).toEqual(["new@example.jp", "old@example.jp"]);
    expect(run.mails).toEqual([]);
  });

  it("sets WHMCS back and fails when the portal database fails", async () => {
    const down = new Error("connection terminated");
    const run = setUp({ portalFailure: down });
    await expect(run.confirm()).rejects.toBe(down);
    expect(run.whmcsWrites).toEqual(["new@example.jp", "old@example.jp"]);
  });
});
