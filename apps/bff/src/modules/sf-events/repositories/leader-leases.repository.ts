import { Inject, Injectable } from "@nestjs/common";
import { and, eq, lt, or, sql } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type LeaderLeaseRow, leaderLeases } from "../schema/leader-leases.js";

/**
 * Leader leases (`leader_leases`): each is taken or renewed in one statement, so of replicas
 * racing for it exactly one wins. Times come from the caller's clock (replicas' clocks are assumed
 * in sync within a few seconds, as the workflow runner's leases assume).
 */
@Injectable()
export class LeaderLeasesRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /**
   * Takes lease `name` for `holder` until `expiresAt` when it is free (no row, or expired at
   * `now`), or renews it when `holder` already holds it.
   * @returns the lease as it stands after the call: held by `holder` when it won, else the other
   *   holder's row (null only if the row vanished meanwhile).
   */
  async acquire(
    name: string,
    holder: string,
    now: Date,
    expiresAt: Date,
  ): Promise<LeaderLeaseRow | null> {
    const [won] = await this.connection.db
      .insert(leaderLeases)
      .values({ name, holder, expiresAt, acquiredAt: now })
      .onConflictDoUpdate({
        target: leaderLeases.name,
        set: {
          holder,
          expiresAt,
          // A renewal keeps the tenure's start; a takeover starts a new one.
          acquiredAt: sql`CASE WHEN ${leaderLeases.holder} = ${holder} THEN ${leaderLeases.acquiredAt} ELSE ${now.toISOString()}::timestamptz END`,
        },
        setWhere: or(eq(leaderLeases.holder, holder), lt(leaderLeases.expiresAt, now)),
      })
      .returning();
    return won ?? this.get(name);
  }

  /** Lease `name` as stored, or null. */
  async get(name: string): Promise<LeaderLeaseRow | null> {
    const [row] = await this.connection.db
      .select()
      .from(leaderLeases)
      .where(eq(leaderLeases.name, name));
    return row ?? null;
  }

  /** Gives lease `name` up when `holder` holds it (a clean shutdown), so a standby takes over at once. */
  async release(name: string, holder: string): Promise<void> {
    await this.connection.db
      .delete(leaderLeases)
      .where(and(eq(leaderLeases.name, name), eq(leaderLeases.holder, holder)));
  }
}
