import { type Address } from "@portal/domain";
import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The latest internet eligibility request the portal made for a Salesforce Account (decision
 * 0053): the address it asked about (`address`, the domain's parsed address), the Salesforce Case
 * it opened (`case_id`) and when (`requested_at`). One row per Account, replaced by the next
 * request. Salesforce keeps the answer (Account `Internet_Eligibility_Status__c`); this row only
 * remembers what was asked, which the Account does not hold.
 */
export const eligibilityRequests = pgTable("eligibility_requests", {
  sfAccountId: text("sf_account_id").primaryKey(),
  address: jsonb("address").$type<Address>().notNull(),
  caseId: text("case_id").notNull(),
  requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
});

/** An `eligibility_requests` row as read. */
export type EligibilityRequestRow = typeof eligibilityRequests.$inferSelect;
