import { Inject, Injectable } from "@nestjs/common";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import {
  type MfaChallengeRow,
  mfaChallenges,
  mfaRecoveryCodes,
  type UserTotpRow,
  userTotp,
} from "../schema/mfa.js";

/** TOTP authenticators, recovery codes and login challenges (decision 0033). */
@Injectable()
export class MfaRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** The authenticator of `userId` (pending or confirmed), or undefined. */
  async findTotp(userId: string): Promise<UserTotpRow | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(userTotp)
      .where(eq(userTotp.userId, userId))
      .limit(1);
    return row;
  }

  /** Starts (or restarts) a pending enrolment; a confirmed authenticator is left alone. */
  async savePending(userId: string, secretEncrypted: string): Promise<boolean> {
    const rows = await this.connection.db
      .insert(userTotp)
      .values({ userId, secretEncrypted })
      .onConflictDoUpdate({
        target: userTotp.userId,
        set: { secretEncrypted, lastUsedStep: null, createdAt: sql`now()` },
        setWhere: isNull(userTotp.confirmedAt),
      })
      .returning({ userId: userTotp.userId });
    return rows.length > 0;
  }

  /**
   * Records that the code of time step `step` was accepted, only if no code of that step or a
   * later one was: of two requests with the same code exactly one wins (RFC 6238 §5.2).
   */
  async claimStep(userId: string, step: number): Promise<boolean> {
    const rows = await this.connection.db
      .update(userTotp)
      .set({ lastUsedStep: step })
      .where(
        and(
          eq(userTotp.userId, userId),
          or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step)),
        ),
      )
      .returning({ userId: userTotp.userId });
    return rows.length > 0;
  }

  /** Turns the pending authenticator on and replaces the recovery codes, in one transaction. */
  async confirm(userId: string, recoveryCodeHashes: readonly string[], at: Date): Promise<boolean> {
    return this.connection.db.transaction(async (tx) => {
      const confirmed = await tx
        .update(userTotp)
        .set({ confirmedAt: at })
        .where(and(eq(userTotp.userId, userId), isNull(userTotp.confirmedAt)))
        .returning({ userId: userTotp.userId });
      if (confirmed.length === 0) {
        return false;
      }
      await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
      await tx
        .insert(mfaRecoveryCodes)
        .values(recoveryCodeHashes.map((codeHash) => ({ userId, codeHash })));
      return true;
    });
  }

  /** Removes the authenticator and the recovery codes of `userId`. */
  async remove(userId: string): Promise<void> {
    await this.connection.db.transaction(async (tx) => {
      await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
      await tx.delete(userTotp).where(eq(userTotp.userId, userId));
    });
  }

  /** Spends the unused recovery code with hash `codeHash`; false when there is none. */
  async useRecoveryCode(userId: string, codeHash: string, at: Date): Promise<boolean> {
    const rows = await this.connection.db
      .update(mfaRecoveryCodes)
      .set({ usedAt: at })
      .where(
        and(
          eq(mfaRecoveryCodes.userId, userId),
          eq(mfaRecoveryCodes.codeHash, codeHash),
          isNull(mfaRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: mfaRecoveryCodes.id });
    return rows.length > 0;
  }

  /** How many unused recovery codes `userId` has. */
  async recoveryCodesLeft(userId: string): Promise<number> {
    const [row] = await this.connection.db
      .select({ count: sql<number>`count(*)::int` })
      .from(mfaRecoveryCodes)
      .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
    return row?.count ?? 0;
  }

  /** Opens a login challenge for `userId` that expires at `expiresAt`. */
  async openChallenge(userId: string, expiresAt: Date): Promise<MfaChallengeRow> {
    const [row] = await this.connection.db
      .insert(mfaChallenges)
      .values({ userId, expiresAt })
      .returning();
    if (!row) {
      throw new Error("INSERT INTO mfa_challenges returned no row");
    }
    return row;
  }

  /**
   * Claims one attempt on challenge `id` at `now`: only while it is unused, unexpired and has had
   * fewer than `maxAttempts` wrong codes; the claim counts as a wrong code until
   * {@link spendChallenge} spends it.
   * @returns the challenge, or undefined when it cannot be attempted any more.
   */
  async claimChallengeAttempt(
    id: string,
    maxAttempts: number,
    now: Date,
  ): Promise<MfaChallengeRow | undefined> {
    const [row] = await this.connection.db
      .update(mfaChallenges)
      .set({ failedAttempts: sql`${mfaChallenges.failedAttempts} + 1` })
      .where(
        and(
          eq(mfaChallenges.id, id),
          isNull(mfaChallenges.usedAt),
          gt(mfaChallenges.expiresAt, now),
          lt(mfaChallenges.failedAttempts, maxAttempts),
        ),
      )
      .returning();
    return row;
  }

  /**
   * Deletes every login challenge that expired before `now` (used, exhausted or abandoned: none
   * can be attempted any more); returns how many.
   */
  async pruneExpiredChallenges(now: Date): Promise<number> {
    const deleted = await this.connection.db
      .delete(mfaChallenges)
      .where(lt(mfaChallenges.expiresAt, now))
      .returning({ id: mfaChallenges.id });
    return deleted.length;
  }

  /** Marks challenge `id` used (its code was right); false when it was already. */
  async spendChallenge(id: string, at: Date): Promise<boolean> {
    const rows = await this.connection.db
      .update(mfaChallenges)
      .set({ usedAt: at })
      .where(and(eq(mfaChallenges.id, id), isNull(mfaChallenges.usedAt)))
      .returning({ id: mfaChallenges.id });
    return rows.length > 0;
  }
}
