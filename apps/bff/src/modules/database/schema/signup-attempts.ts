import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per Salesforce Account with a sign-up under way (docs/decisions/0009-signup-attempts.md):
 * `claimed_until` is the lease of the request working on it (null = nobody), so two sign-ups for
 * one customer number never run side by side; `whmcs_client_id` is the WHMCS client an earlier
 * attempt created, so a retry reuses it whatever email it brings. The row is deleted when the
 * sign-up succeeds.
 */
export const signupAttempts = pgTable("signup_attempts", {
  sfAccountId: text("sf_account_id").primaryKey(),
  customerNumber: text("customer_number").notNull(),
  whmcsClientId: integer("whmcs_client_id"),
  claimedUntil: timestamp("claimed_until", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A `signup_attempts` row as read. */
export type SignupAttemptRow = typeof signupAttempts.$inferSelect;
