import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per Salesforce Account whose sign-up created (or adopted) a WHMCS client and has not yet
 * succeeded (docs/decisions/0009-signup-attempts.md): `whmcs_client_id` is that client, so a
 * retry reuses it whatever email it brings. Deleted when the sign-up succeeds. The lease that
 * kept two sign-ups of one Account apart is now the sign-up workflow run's (decision 0013).
 */
export const signupAttempts = pgTable("signup_attempts", {
  sfAccountId: text("sf_account_id").primaryKey(),
  customerNumber: text("customer_number").notNull(),
  whmcsClientId: integer("whmcs_client_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A `signup_attempts` row as read. */
export type SignupAttemptRow = typeof signupAttempts.$inferSelect;
