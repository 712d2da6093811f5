import { bigint, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../identity/schema/users.js";

/**
 * A user's TOTP authenticator (RFC 6238; decision 0033). `secret_encrypted` is the base32 secret
 * sealed with AES-256-GCM (`TotpSecretBox`); `confirmed_at` is null while the enrolment is pending
 * (2FA is on only once confirmed); `last_used_step` is the 30-second step of the last accepted
 * code, so the same code (or an older one) is never accepted twice.
 */
export const userTotp = pgTable("user_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEncrypted: text("secret_encrypted").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A `user_totp` row as read. */
export type UserTotpRow = typeof userTotp.$inferSelect;

/**
 * Single-use recovery codes, ten per confirmation, stored as SHA-256 hex (they are random 50-bit
 * values, not passwords); `used_at` is set when one is spent.
 */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("mfa_recovery_codes_user_id_idx").on(table.userId)],
);

/**
 * The second step of a login whose password was right (decision 0033): lives until `expires_at`
 * (5 minutes), accepts at most 5 wrong codes (`failed_attempts`), and is spent (`used_at`) by
 * the right one. The client that passed the password is kept for the session it starts.
 */
export const mfaChallenges = pgTable("mfa_challenges", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An `mfa_challenges` row as read. */
export type MfaChallengeRow = typeof mfaChallenges.$inferSelect;
