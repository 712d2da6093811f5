import { Inject, Injectable } from "@nestjs/common";
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { idMappings, type NewIdMappingRow } from "../schema/id-mappings.js";
import { type NewUserRow, type UserRow, users } from "../schema/users.js";

/**
 * The outcome of {@link UsersRepository.claimLoginAttempt}: either the attempt may verify the
 * password (`claimed`, with the failure count including it and the lock it set on reaching the
 * threshold, else null), or the user is locked (`lockedUntil`; null only when a concurrent
 * successful login cleared the lock between the two reads).
 */
export type LoginAttemptClaim =
  | { claimed: true; failedLoginCount: number; lockedUntil: Date | null }
  | { claimed: false; lockedUntil: Date | null };

/** Portal users and their login-failure counters. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** The user with `email` (compared as stored: callers pass it lower-case), or undefined. */
  async findByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    return row;
  }

  /** The user with `id`, or undefined. */
  async findById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.connection.db.select().from(users).where(eq(users.id, id)).limit(1);
    return row;
  }

  /**
   * Creates a user and its cross-system id mapping in one transaction: both rows or neither.
   * @throws the driver's unique-violation error (see `uniqueViolation`) when the email or an
   *   external id is already taken.
   */
  async createWithMapping(
    user: NewUserRow,
    mapping: Omit<NewIdMappingRow, "userId">,
  ): Promise<UserRow> {
    return this.connection.db.transaction(async (tx) => {
      const [created] = await tx.insert(users).values(user).returning();
      if (!created) {
        throw new Error("INSERT INTO users returned no row");
      }
      await tx.insert(idMappings).values({ ...mapping, userId: created.id });
      return created;
    });
  }

  /** Deletes a user; its id mapping and refresh tokens go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<void> {
    await this.connection.db.delete(users).where(eq(users.id, id));
  }

  /**
   * Claims one login attempt for user `id` before its password is checked, in one statement so
   * concurrent attempts are counted one by one (the row lock orders them; PostgreSQL re-checks the
   * WHERE clause on the updated row). While the user is locked (`locked_until` after `now`) nothing
   * changes and the answer is `{ claimed: false, lockedUntil }`. Otherwise the consecutive-failure
   * count goes up by one (back to 1 when an earlier lock has expired), and the attempt that brings
   * it to `threshold` sets `locked_until = lockUntil` at once — so later attempts are refused even
   * while this one is still being verified. A correct password then clears both
   * ({@link recordSuccessfulLogin}); a wrong one leaves them, which is the lockout.
   * Source: OWASP Authentication Cheat Sheet "Account Lockout"; DESIGN.md §7.
   * @returns undefined when the user does not exist.
   */
  async claimLoginAttempt(
    id: string,
    threshold: number,
    now: Date,
    lockUntil: Date,
  ): Promise<LoginAttemptClaim | undefined> {
    const at = sql`${now.toISOString()}::timestamptz`;
    const lockExpired = sql`${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= ${at}`;
    const count = sql`CASE WHEN ${lockExpired} THEN 1 ELSE ${users.failedLoginCount} + 1 END`;
    const [claimed] = await this.connection.db
      .update(users)
      .set({
        failedLoginCount: count,
        lockedUntil: sql`CASE WHEN ${count} >= ${threshold} THEN ${lockUntil.toISOString()}::timestamptz ELSE NULL END`,
        updatedAt: now,
      })
      .where(and(eq(users.id, id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
      .returning({ failedLoginCount: users.failedLoginCount, lockedUntil: users.lockedUntil });
    if (claimed) {
      return { claimed: true, ...claimed };
    }
    const [current] = await this.connection.db
      .select({ lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, id))
      .limit(1);
    return current && { claimed: false, lockedUntil: current.lockedUntil };
  }

  /** Clears the failure count and any lock, and stamps `last_login_at`. */
  async recordSuccessfulLogin(id: string, at: Date): Promise<void> {
    await this.connection.db
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: at, updatedAt: at })
      .where(eq(users.id, id));
  }
}
