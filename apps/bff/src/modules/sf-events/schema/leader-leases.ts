import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Leases that make one replica the only one doing something (decision 0065): `name` (the job,
 * `sf-events`), the replica holding it (`holder`, a random id per process), until when
 * (`expires_at`; the holder renews it well before) and since when it holds it (`acquired_at`).
 * Another replica takes an expired lease over in one statement.
 */
export const leaderLeases = pgTable("leader_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  acquiredAt: timestamp("acquired_at", { withTimezone: true }).notNull(),
});

/** A `leader_leases` row as read. */
export type LeaderLeaseRow = typeof leaderLeases.$inferSelect;
