import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The live e-mail verification code of a sign-up, one per address (decision 0037). The address
 * and the code are kept only as HMAC-SHA256 hex (`address_hash`, `code_hash`, see
 * `SignupCodes`); a new code for the address replaces the row. `failed_attempts` counts refused
 * sign-ups with it (a wrong code, or details that did not prove the contract): at 5 it is dead;
 * `expires_at` is 10 minutes after `sent_at`; the row is deleted when the sign-up succeeds.
 */
export const signupCodes = pgTable("signup_codes", {
  addressHash: text("address_hash").primaryKey(),
  codeHash: text("code_hash").notNull(),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** A `signup_codes` row as read. */
export type SignupCodeRow = typeof signupCodes.$inferSelect;
