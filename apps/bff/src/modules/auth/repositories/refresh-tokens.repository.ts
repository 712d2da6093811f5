import { randomUUID } from "node:crypto";
import { Inject, Injectable } from "@nestjs/common";
import { and, eq, isNull } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type RefreshTokenRow, refreshTokens } from "../schema/refresh-tokens.js";

/**
 * A refresh token to store: its SHA-256 hex, owner, family and expiry, and the client that
 * obtained it (user agent, IP; null or absent when unknown).
 */
export interface NewRefreshToken {
  familyId: string;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  userAgent?: string | null;
  ip?: string | null;
}

/** Refresh-token families (see the `refresh_tokens` table). */
@Injectable()
export class RefreshTokensRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** Stores a token and returns its row. */
  async insert(token: NewRefreshToken): Promise<RefreshTokenRow> {
    const [row] = await this.connection.db.insert(refreshTokens).values(token).returning();
    if (!row) {
      throw new Error("INSERT INTO refresh_tokens returned no row");
    }
    return row;
  }

  /** The token whose hash is `tokenHash`, whatever its state, or undefined. */
  async findByHash(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .limit(1);
    return row;
  }

  /** The token with id `id`, whatever its state, or undefined. */
  async findById(id: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.id, id))
      .limit(1);
    return row;
  }

  /**
   * Marks token `currentId` rotated and stores `successor` in one transaction. The update only
   * applies while the token is neither rotated nor revoked, so of two concurrent refreshes with
   * the same token exactly one wins.
   * @returns the successor's row, or null when the token was already rotated or revoked.
   */
  async rotate(
    currentId: string,
    successor: NewRefreshToken,
    at: Date,
  ): Promise<RefreshTokenRow | null> {
    return this.connection.db.transaction(async (tx) => {
      const successorId = randomUUID();
      const updated = await tx
        .update(refreshTokens)
        .set({ rotatedAt: at, replacedBy: successorId })
        .where(
          and(
            eq(refreshTokens.id, currentId),
            isNull(refreshTokens.rotatedAt),
            isNull(refreshTokens.revokedAt),
          ),
        )
        .returning({ id: refreshTokens.id });
      if (updated.length === 0) {
        return null;
      }
      const [row] = await tx
        .insert(refreshTokens)
        .values({ ...successor, id: successorId })
        .returning();
      return row ?? null;
    });
  }

  /** Revokes every not-yet-revoked token of `familyId`; returns how many. */
  async revokeFamily(familyId: string, at: Date): Promise<number> {
    const revoked = await this.connection.db
      .update(refreshTokens)
      .set({ revokedAt: at })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return revoked.length;
  }
}
