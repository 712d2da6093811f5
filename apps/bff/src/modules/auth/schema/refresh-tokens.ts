import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../identity/schema/users.js";

/**
 * Refresh tokens, stored only as SHA-256 hex of the opaque token. All tokens descending from one
 * login share a `family_id`; a refresh sets `rotated_at` and `replaced_by` on the presented token
 * and inserts its successor. Reuse of a rotated token revokes the family (`revoked_at`).
 * A family is a session as `/account/security` lists it: `user_agent` and `ip` are the client that
 * obtained each token (null when unknown), so the family's first row tells its first use and its
 * newest row the last (decision 0034).
 */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    familyId: uuid("family_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    replacedBy: uuid("replaced_by"),
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (table) => [
    index("refresh_tokens_family_id_idx").on(table.familyId),
    index("refresh_tokens_user_id_idx").on(table.userId),
  ],
);

/** A `refresh_tokens` row as read. */
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
