import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../identity/schema/users.js";

/**
 * Password-reset links (decision 0041): the SHA-256 (hex) of a 32-byte random token — the token
 * itself is only in the e-mail — valid until `expires_at` (30 minutes) and spent once
 * (`used_at`); a reset spends every other open token of the user too.
 */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("password_reset_tokens_user_id_idx").on(table.userId, table.createdAt)],
);

/** A `password_reset_tokens` row as read. */
export type PasswordResetTokenRow = typeof passwordResetTokens.$inferSelect;
