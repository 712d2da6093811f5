import { Inject, Injectable } from "@nestjs/common";
import { eq, sql } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../database.js";
import { idMappings, type NewIdMappingRow } from "../schema/id-mappings.js";
import { type NewUserRow, type UserRow, users } from "../schema/users.js";

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
   * Counts one more consecutive failed login. When the count reaches `threshold` the account is
   * locked until `lockUntil` and the count starts again from zero, in the same statement, so
   * concurrent failures cannot skip the lock.
   * @returns the user's `locked_until` afterwards (null when never locked).
   */
  async recordFailedLogin(id: string, threshold: number, lockUntil: Date): Promise<Date | null> {
    const reachesThreshold = sql`${users.failedLoginCount} + 1 >= ${threshold}`;
    const [row] = await this.connection.db
      .update(users)
      .set({
        failedLoginCount: sql`CASE WHEN ${reachesThreshold} THEN 0 ELSE ${users.failedLoginCount} + 1 END`,
        lockedUntil: sql`CASE WHEN ${reachesThreshold} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${users.lockedUntil} END`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, id))
      .returning({ lockedUntil: users.lockedUntil });
    return row?.lockedUntil ?? null;
  }

  /** Clears the failure count and any lock, and stamps `last_login_at`. */
  async recordSuccessfulLogin(id: string, at: Date): Promise<void> {
    await this.connection.db
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: at, updatedAt: at })
      .where(eq(users.id, id));
  }
}
