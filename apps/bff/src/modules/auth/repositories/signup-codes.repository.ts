import { Inject, Injectable } from "@nestjs/common";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type SignupCodeRow, signupCodes } from "../schema/signup-codes.js";

/** Sign-up e-mail verification codes, stored hashed, one per address (decision 0037). */
@Injectable()
export class SignupCodesRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /**
   * Makes `codeHash` the address's live code (any earlier one dies), with no refused attempt,
   * sent at `sentAt` and valid until `expiresAt`; also drops every code that expired before
   * `sentAt`, so abandoned sign-ups leave nothing behind.
   */
  async replace(
    addressHash: string,
    codeHash: string,
    sentAt: Date,
    expiresAt: Date,
  ): Promise<void> {
    await this.connection.db.transaction(async (tx) => {
      await tx.delete(signupCodes).where(lt(signupCodes.expiresAt, sentAt));
      await tx
        .insert(signupCodes)
        .values({ addressHash, codeHash, failedAttempts: 0, sentAt, expiresAt })
        .onConflictDoUpdate({
          target: signupCodes.addressHash,
          set: { codeHash, failedAttempts: 0, sentAt, expiresAt },
        });
    });
  }

  /**
   * Claims one attempt on the address's code at `now`: only while it is unexpired and has had
   * fewer than `maxAttempts` refused attempts; the claim counts as refused until
   * {@link releaseAttempt}.
   * @returns the code as it was before the claim, or undefined when it cannot be attempted.
   */
  async claimAttempt(
    addressHash: string,
    maxAttempts: number,
    now: Date,
  ): Promise<SignupCodeRow | undefined> {
    const [row] = await this.connection.db
      .update(signupCodes)
      .set({ failedAttempts: sql`${signupCodes.failedAttempts} + 1` })
      .where(
        and(
          eq(signupCodes.addressHash, addressHash),
          gt(signupCodes.expiresAt, now),
          lt(signupCodes.failedAttempts, maxAttempts),
        ),
      )
      .returning();
    return row;
  }

  /** Gives back an attempt claimed on code `codeHash` that was not refused. */
  async releaseAttempt(addressHash: string, codeHash: string): Promise<void> {
    await this.connection.db
      .update(signupCodes)
      .set({ failedAttempts: sql`${signupCodes.failedAttempts} - 1` })
      .where(
        and(
          eq(signupCodes.addressHash, addressHash),
          eq(signupCodes.codeHash, codeHash),
          gt(signupCodes.failedAttempts, 0),
        ),
      );
  }

  /** Spends code `codeHash` of the address (its sign-up succeeded); a newer code stays. */
  async remove(addressHash: string, codeHash: string): Promise<void> {
    await this.connection.db
      .delete(signupCodes)
      .where(and(eq(signupCodes.addressHash, addressHash), eq(signupCodes.codeHash, codeHash)));
  }
}
