import { Inject, Injectable } from "@nestjs/common";
import { and, count, eq, gt, gte, isNull } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { passwordResetTokens } from "../schema/password-reset-tokens.js";
import { refreshTokens } from "../schema/refresh-tokens.js";
import { users } from "../../identity/schema/users.js";

/** What {@link PasswordResetTokensRepository.redeem} changed. */
export interface RedeemedReset {
  userId: string;
  /** The refresh-token families that were live and are now revoked (to deny their access tokens). */
  revokedFamilies: string[];
}

/** Password-reset tokens (decision 0041), stored as SHA-256 hashes. */
@Injectable()
export class PasswordResetTokensRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** Stores a new token hash for `userId`, valid until `expiresAt`. */
  async create(userId: string, tokenHash: string, expiresAt: Date, at: Date): Promise<void> {
    await this.connection.db
      .insert(passwordResetTokens)
      .values({ userId, tokenHash, expiresAt, createdAt: at });
  }

  /** How many tokens were issued to `userId` since `since` (the per-address send limit). */
  async countIssuedSince(userId: string, since: Date): Promise<number> {
    const [row] = await this.connection.db
      .select({ issued: count() })
      .from(passwordResetTokens)
      .where(
        and(eq(passwordResetTokens.userId, userId), gte(passwordResetTokens.createdAt, since)),
      );
    return row?.issued ?? 0;
  }

  /**
   * Spends the open token whose hash is `tokenHash` and, in the same transaction, sets the user's
   * new password hash, ends any lockout (failure count 0, no `locked_until`), spends the user's
   * other open tokens and revokes every refresh token of the user. All of it or nothing; a token
   * that is unknown, expired or already used (also by a concurrent reset: the row lock orders
   * them and PostgreSQL re-checks `used_at`) changes nothing.
   * @returns the user and the revoked families, or null for an unusable token.
   */
  async redeem(tokenHash: string, passwordHash: string, at: Date): Promise<RedeemedReset | null> {
    return this.connection.db.transaction(async (tx) => {
      const [spent] = await tx
        .update(passwordResetTokens)
        .set({ usedAt: at })
        .where(
          and(
            eq(passwordResetTokens.tokenHash, tokenHash),
            isNull(passwordResetTokens.usedAt),
            gt(passwordResetTokens.expiresAt, at),
          ),
        )
        .returning({ userId: passwordResetTokens.userId });
      if (!spent) {
        return null;
      }
      const { userId } = spent;
      await tx
        .update(users)
        .set({ passwordHash, failedLoginCount: 0, lockedUntil: null, updatedAt: at })
        .where(eq(users.id, userId));
      await tx
        .update(passwordResetTokens)
        .set({ usedAt: at })
        .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
      const revoked = await tx
        .update(refreshTokens)
        .set({ revokedAt: at })
        .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
        .returning({ familyId: refreshTokens.familyId });
      return { userId, revokedFamilies: [...new Set(revoked.map((row) => row.familyId))] };
    });
  }
}
