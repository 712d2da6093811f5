import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.js";

/**
 * The cross-system identity of a portal user (DESIGN.md §1): WHMCS client id, Salesforce Account
 * and Contact ids and the customer number (`SF_Account_No__c`). One row per user; each external
 * id belongs to at most one user.
 */
export const idMappings = pgTable("id_mappings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  whmcsClientId: integer("whmcs_client_id").notNull().unique(),
  sfAccountId: text("sf_account_id").notNull().unique(),
  sfContactId: text("sf_contact_id"),
  customerNumber: text("customer_number").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An `id_mappings` row as read. */
export type IdMappingRow = typeof idMappings.$inferSelect;
/** An `id_mappings` row to insert. */
export type NewIdMappingRow = typeof idMappings.$inferInsert;
