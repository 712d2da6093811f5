import { Logger } from "@nestjs/common";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { MemoryCacheStore } from "../cache/memory-cache-store.js";
import { parseConfig } from "../config/parse-config.js";
import { type DatabaseConnection } from "../database/database.js";
import { openDatabase } from "../database/open-database.js";
import { AuditLogRepository } from "./repositories/audit-log.repository.js";
import { RefreshTokensRepository } from "./repositories/refresh-tokens.repository.js";
import { auditLog } from "./schema/audit-log.js";
import { refreshTokens } from "./schema/refresh-tokens.js";
import { users } from "../identity/schema/users.js";
import { AppError } from "../http/app-error.js";
import { SessionDenyList } from "../http/session-deny-list.js";
import { REFRESH_TOKEN_TTL_SECONDS, RefreshTokenService } from "./refresh-token.service.js";

const CLIENT = { ip: "203.0.113.7", userAgent: "vitest" };
const NOW = new Date("2026-11-21T04:00:00.000Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

let connection: DatabaseConnection;
let service: RefreshTokenService;
let denyList: SessionDenyList;
let userId: string;

/** A service with the reuse interval of `seconds` (the default config says 30). */
function serviceWith(seconds: number): RefreshTokenService {
  return new RefreshTokenService(
    parseConfig({ ...MINIMAL_ENV, AUTH_REFRESH_REUSE_INTERVAL_SECONDS: String(seconds) }),
    new RefreshTokensRepository(connection),
    new AuditLogRepository(connection),
    denyList,
  );
}

beforeAll(async () => {
  Logger.overrideLogger(false);
  connection = await openDatabase({
    url: null,
    pgliteDir: "memory://",
    pgliteTemplate: inject("pgliteTemplate"),
  });
});

afterAll(async () => {
  await connection.close();
});

beforeEach(async () => {
  denyList = new SessionDenyList(new MemoryCacheStore());
  service = serviceWith(30);
  await connection.db.delete(users);
  const [user] = await connection.db
    .insert(users)
    .values({ email: "taro@example.jp", passwordHash: "x", firstName: "Taro", lastName: "Yamada" })
    .returning();
  userId = user!.id;
});

async function expectUnauthenticated(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toSatisfy(
    (error) => error instanceof AppError && error.code === "UNAUTHENTICATED",
  );
}

async function familyRows(familyId: string) {
  return connection.db.select().from(refreshTokens).where(eq(refreshTokens.familyId, familyId));
}

describe("RefreshTokenService", () => {
  it("stores only the SHA-256 of an issued token, valid for 7 days", async () => {
    const issued = await service.issue(userId, NOW);

    const rows = await connection.db.select().from(refreshTokens);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.tokenHash).not.toContain(issued.token);
    expect(issued.expiresAt).toEqual(later(REFRESH_TOKEN_TTL_SECONDS));
  });

  it("rotates: the successor works, in the same family, and the old token is retired", async () => {
    const first = await service.issue(userId, NOW);

    const second = await service.rotate(first.token, later(60), CLIENT);
    const third = await service.rotate(second.token, later(120), CLIENT);

    expect(second.token).not.toBe(first.token);
    expect(third.userId).toBe(userId);
    const rows = await connection.db.select().from(refreshTokens);
    expect(new Set(rows.map((row) => row.familyId)).size).toBe(1);
    expect(rows.filter((row) => row.rotatedAt !== null)).toHaveLength(2);
    expect(rows.every((row) => row.revokedAt === null)).toBe(true);
  });

  it("revokes and denies the whole family when a token two rotations old is presented, and audits it", async () => {
    const first = await service.issue(userId, NOW);
    const second = await service.rotate(first.token, later(60), CLIENT);
    const third = await service.rotate(second.token, later(70), CLIENT);

    await expectUnauthenticated(service.rotate(first.token, later(80), CLIENT));

    expect((await familyRows(first.familyId)).every((token) => token.revokedAt !== null)).toBe(
      true,
    );
    expect(await denyList.isDenied(first.familyId)).toBe(true);
    await expectUnauthenticated(service.rotate(third.token, later(90), CLIENT));
    const audits = await connection.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.event, "refresh_token_reused"));
    expect(audits[0]).toMatchObject({ userId, ip: CLIENT.ip, userAgent: CLIENT.userAgent });
  });

  it("answers the same successor to a just-rotated token presented again within the reuse interval", async () => {
    const first = await service.issue(userId, NOW);
    const second = await service.rotate(first.token, later(60), CLIENT);

    const again = await service.rotate(first.token, later(60 + 29), CLIENT);

    expect(again).toEqual(second);
    expect(await familyRows(first.familyId)).toHaveLength(2);
    expect(await denyList.isDenied(first.familyId)).toBe(false);
    const third = await service.rotate(second.token, later(100), CLIENT);
    expect(third.familyId).toBe(first.familyId);
  });

  it("treats a just-rotated token presented after the reuse interval as reuse", async () => {
    const first = await service.issue(userId, NOW);
    const second = await service.rotate(first.token, later(60), CLIENT);

    await expectUnauthenticated(service.rotate(first.token, later(60 + 30), CLIENT));

    await expectUnauthenticated(service.rotate(second.token, later(100), CLIENT));
    expect(await denyList.isDenied(first.familyId)).toBe(true);
  });

  it("lets two concurrent refreshes with the same token both succeed with the same successor", async () => {
    const first = await service.issue(userId, NOW);

    const [one, two] = await Promise.all([
      service.rotate(first.token, later(60), CLIENT),
      service.rotate(first.token, later(60), CLIENT),
    ]);

    expect(one).toEqual(two);
    expect((await familyRows(first.familyId)).every((token) => token.revokedAt === null)).toBe(
      true,
    );
    await expect(service.rotate(one.token, later(120), CLIENT)).resolves.toMatchObject({ userId });
  });

  it("without a reuse interval, lets exactly one of two concurrent refreshes win, then revokes the family", async () => {
    const strict = serviceWith(0);
    const first = await strict.issue(userId, NOW);

    const results = await Promise.allSettled([
      strict.rotate(first.token, later(60), CLIENT),
      strict.rotate(first.token, later(60), CLIENT),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const winner = results.find((result) => result.status === "fulfilled");
    await expectUnauthenticated(strict.rotate(winner!.value.token, later(120), CLIENT));
  });

  it("refuses an expired token without touching its family", async () => {
    const first = await service.issue(userId, NOW);

    await expectUnauthenticated(
      service.rotate(first.token, later(REFRESH_TOKEN_TTL_SECONDS + 1), CLIENT),
    );

    const rows = await connection.db.select().from(refreshTokens);
    expect(rows.every((row) => row.revokedAt === null && row.rotatedAt === null)).toBe(true);
  });

  it("refuses an unknown token", async () => {
    await expectUnauthenticated(service.rotate("not-a-token-we-issued", NOW, CLIENT));
  });

  it("revokes the family on logout and reports whose it was", async () => {
    const first = await service.issue(userId, NOW);
    const second = await service.rotate(first.token, later(60), CLIENT);

    expect(await service.revoke(second.token, later(90))).toBe(userId);

    expect(await denyList.isDenied(first.familyId)).toBe(true);
    await expectUnauthenticated(service.rotate(second.token, later(120), CLIENT));
    expect(await service.revoke("unknown", later(90))).toBeNull();
  });
});
