import { Inject, Injectable } from "@nestjs/common";
import { eq, isNull, lt, or, sql } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../database.js";
import { type SignupAttemptRow, signupAttempts } from "../schema/signup-attempts.js";

/**
 * Sign-ups under way, one per Salesforce Account: a lease so only one request works on an Account
 * at a time, and the WHMCS client an earlier attempt created so a retry never makes a second one.
 * Source: docs/decisions/0009-signup-attempts.md.
 */
@Injectable()
export class SignupAttemptsRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /**
   * Takes the lease on the sign-up of Account `sfAccountId` until `now + leaseSeconds`, in one
   * statement (INSERT … ON CONFLICT DO UPDATE … WHERE), so of concurrent callers exactly one wins:
   * PostgreSQL locks the conflicting row and re-checks the WHERE clause on its latest version.
   * The lease is taken when there is no row yet, or its lease was released or has expired.
   * Source: PostgreSQL "INSERT … ON CONFLICT DO UPDATE".
   * @returns the row (with any `whmcsClientId` an earlier attempt recorded) when this caller now
   *   holds the lease; null when another request holds a live one.
   */
  async claim(
    sfAccountId: string,
    customerNumber: string,
    now: Date,
    leaseSeconds: number,
  ): Promise<SignupAttemptRow | null> {
    const claimedUntil = new Date(now.getTime() + leaseSeconds * 1000);
    const [row] = await this.connection.db
      .insert(signupAttempts)
      .values({ sfAccountId, customerNumber, claimedUntil, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: signupAttempts.sfAccountId,
        set: { claimedUntil: sql`excluded.claimed_until`, updatedAt: now },
        setWhere: or(isNull(signupAttempts.claimedUntil), lt(signupAttempts.claimedUntil, now)),
      })
      .returning();
    return row ?? null;
  }

  /** Remembers that the attempt on Account `sfAccountId` created WHMCS client `clientId`. */
  async recordBillingClient(sfAccountId: string, clientId: number): Promise<void> {
    await this.connection.db
      .update(signupAttempts)
      .set({ whmcsClientId: clientId, updatedAt: new Date() })
      .where(eq(signupAttempts.sfAccountId, sfAccountId));
  }

  /** Ends the lease of a failed attempt; the recorded WHMCS client stays for the retry. */
  async release(sfAccountId: string): Promise<void> {
    await this.connection.db
      .update(signupAttempts)
      .set({ claimedUntil: null, updatedAt: new Date() })
      .where(eq(signupAttempts.sfAccountId, sfAccountId));
  }

  /** Forgets the attempt on Account `sfAccountId` once its sign-up has succeeded. */
  async remove(sfAccountId: string): Promise<void> {
    await this.connection.db
      .delete(signupAttempts)
      .where(eq(signupAttempts.sfAccountId, sfAccountId));
  }
}
