import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Portal users: identity only (DESIGN.md §1). `email` is stored lower-case; `password_hash` is an
 * argon2id PHC string. `failed_login_count` counts login attempts since the last success (each is
 * counted before its password is checked; it restarts at 1 after an expired lock); `locked_until`
 * is set by the attempt that brings it to AUTH_LOCKOUT_THRESHOLD (UsersRepository.claimLoginAttempt).
 * `locale` is the language the customer is written to in (`ja`/`en`; set at sign-up from the
 * request, decision 0027).
 */
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  locale: text("locale").$type<"ja" | "en">().notNull().default("ja"),
  failedLoginCount: integer("failed_login_count").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A `users` row as read. */
export type UserRow = typeof users.$inferSelect;
/** A `users` row to insert (id, counters and timestamps default). */
export type NewUserRow = typeof users.$inferInsert;
