import { Inject, Injectable } from "@nestjs/common";
import { and, asc, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { refreshTokens } from "../schema/refresh-tokens.js";

/**
 * A live session (refresh-token family with an unrevoked, unexpired, unrotated token): its first
 * and last use, and the client of its newest token.
 */
export interface LiveSession {
  familyId: string;
  userAgent: string | null;
  ip: string | null;
  firstUsedAt: Date;
  lastUsedAt: Date;
}

/**
 * Refresh-token families read as the sessions of `/account/security` (decision 0034). Writes
 * stay in {@link RefreshTokensRepository}; this only reads and revokes whole families.
 */
@Injectable()
export class AccountSessionsRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** The live sessions of `userId` at `now`, most recently used first. */
  async listLive(userId: string, now: Date): Promise<LiveSession[]> {
    const db = this.connection.db;
    const live = await db
      .select()
      .from(refreshTokens)
      .where(
        and(
          eq(refreshTokens.userId, userId),
          isNull(refreshTokens.revokedAt),
          isNull(refreshTokens.rotatedAt),
          gt(refreshTokens.expiresAt, now),
        ),
      )
      .orderBy(desc(refreshTokens.createdAt));
    const sessions: LiveSession[] = [];
    for (const token of live) {
      const [first] = await db
        .select({ createdAt: refreshTokens.createdAt })
        .from(refreshTokens)
        .where(eq(refreshTokens.familyId, token.familyId))
        .orderBy(asc(refreshTokens.createdAt))
        .limit(1);
      sessions.push({
        familyId: token.familyId,
        userAgent: token.userAgent,
        ip: token.ip,
        firstUsedAt: first?.createdAt ?? token.createdAt,
        lastUsedAt: token.createdAt,
      });
    }
    return sessions;
  }

  /** Whether `familyId` is a live session of `userId` (another user's id answers false). */
  async isLive(userId: string, familyId: string, now: Date): Promise<boolean> {
    const [row] = await this.connection.db
      .select({ id: refreshTokens.id })
      .from(refreshTokens)
      .where(
        and(
          eq(refreshTokens.userId, userId),
          eq(refreshTokens.familyId, familyId),
          isNull(refreshTokens.revokedAt),
          isNull(refreshTokens.rotatedAt),
          gt(refreshTokens.expiresAt, now),
        ),
      )
      .limit(1);
    return row !== undefined;
  }

  /**
   * Revokes every not-yet-revoked token of `userId` outside family `keepFamilyId` (all of them
   * when null).
   * @returns the ids of the families that had a token revoked.
   */
  async revokeAllExcept(userId: string, keepFamilyId: string | null, at: Date): Promise<string[]> {
    const revoked = await this.connection.db
      .update(refreshTokens)
      .set({ revokedAt: at })
      .where(
        and(
          eq(refreshTokens.userId, userId),
          isNull(refreshTokens.revokedAt),
          ...(keepFamilyId ? [ne(refreshTokens.familyId, keepFamilyId)] : []),
        ),
      )
      .returning({ familyId: refreshTokens.familyId });
    return [...new Set(revoked.map((row) => row.familyId))];
  }

  /** Revokes the live tokens of family `familyId` of `userId` (nothing for another user's). */
  async revokeFamilyOf(userId: string, familyId: string, at: Date): Promise<void> {
    await this.connection.db
      .update(refreshTokens)
      .set({ revokedAt: at })
      .where(
        and(
          eq(refreshTokens.userId, userId),
          eq(refreshTokens.familyId, familyId),
          isNull(refreshTokens.revokedAt),
        ),
      );
  }
}
