import { Inject, Injectable } from "@nestjs/common";
import { eq } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type SignupAttemptRow, signupAttempts } from "../schema/signup-attempts.js";

/**
 * Sign-ups under way, one per Salesforce Account: the WHMCS client an earlier attempt created, so
 * a retry never makes a second one, whatever email it brings. Source: decisions 0009 and 0013
 * (the lease moved to the workflow run).
 */
@Injectable()
export class SignupAttemptsRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** The attempt on Account `sfAccountId`, or undefined. */
  async find(sfAccountId: string): Promise<SignupAttemptRow | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(signupAttempts)
      .where(eq(signupAttempts.sfAccountId, sfAccountId));
    return row;
  }

  /** Remembers that the attempt on Account `sfAccountId` created WHMCS client `clientId`. */
  async recordBillingClient(
    sfAccountId: string,
    customerNumber: string,
    clientId: number,
  ): Promise<void> {
    const now = new Date();
    await this.connection.db
      .insert(signupAttempts)
      .values({
        sfAccountId,
        customerNumber,
        whmcsClientId: clientId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: signupAttempts.sfAccountId,
        set: { whmcsClientId: clientId, updatedAt: now },
      });
  }

  /** Forgets the attempt on Account `sfAccountId` once its sign-up has succeeded. */
  async remove(sfAccountId: string): Promise<void> {
    await this.connection.db
      .delete(signupAttempts)
      .where(eq(signupAttempts.sfAccountId, sfAccountId));
  }
}
