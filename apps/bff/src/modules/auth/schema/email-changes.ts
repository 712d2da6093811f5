import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../identity/schema/users.js";

/**
 * A pending e-mail change, one per user (a new request replaces it): the new address, the
 * HMAC-SHA256 (hex, key derived from JWT_ACCESS_SECRET) of the 6-digit code sent there, valid
 * until `expires_at` (10 minutes) for at most 5 wrong codes (`failed_attempts`). Deleted once the
 * change is made.
 */
export const emailChanges = pgTable("email_changes", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  newEmail: text("new_email").notNull(),
  codeHash: text("code_hash").notNull(),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An `email_changes` row as read. */
export type EmailChangeRow = typeof emailChanges.$inferSelect;
