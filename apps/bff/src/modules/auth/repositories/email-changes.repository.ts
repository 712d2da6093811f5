import { Inject, Injectable } from "@nestjs/common";
import { eq, sql } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type EmailChangeRow, emailChanges } from "../schema/email-changes.js";
import { users } from "../../identity/schema/users.js";

/** Pending e-mail changes (one per user) and the change of a user's login address. */
@Injectable()
export class EmailChangesRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** Starts (or restarts, replacing the pending one) the change of `userId` to `newEmail`. */
  async start(
    userId: string,
    newEmail: string,
    codeHash: string,
    expiresAt: Date,
    at: Date,
  ): Promise<void> {
    const row = { userId, newEmail, codeHash, expiresAt, failedAttempts: 0, createdAt: at };
    await this.connection.db
      .insert(emailChanges)
      .values(row)
      .onConflictDoUpdate({ target: emailChanges.userId, set: row });
  }

  /** The pending change of `userId`, or undefined. */
  async find(userId: string): Promise<EmailChangeRow | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(emailChanges)
      .where(eq(emailChanges.userId, userId))
      .limit(1);
    return row;
  }

  /** Counts one wrong code; returns the failures so far (0 when there is no pending change). */
  async countFailure(userId: string): Promise<number> {
    const [row] = await this.connection.db
      .update(emailChanges)
      .set({ failedAttempts: sql`${emailChanges.failedAttempts} + 1` })
      .where(eq(emailChanges.userId, userId))
      .returning({ failedAttempts: emailChanges.failedAttempts });
    return row?.failedAttempts ?? 0;
  }

  /** Drops the pending change of `userId`. */
  async discard(userId: string): Promise<void> {
    await this.connection.db.delete(emailChanges).where(eq(emailChanges.userId, userId));
  }

  /**
   * Sets the login address of `userId` to `email` and drops the pending change, in one
   * transaction.
   * @throws the driver's unique-violation error (`uniqueViolation`) when another user has it.
   */
  async complete(userId: string, email: string, at: Date): Promise<void> {
    await this.connection.db.transaction(async (tx) => {
      await tx.update(users).set({ email, updatedAt: at }).where(eq(users.id, userId));
      await tx.delete(emailChanges).where(eq(emailChanges.userId, userId));
    });
  }
}
