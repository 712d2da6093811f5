import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../identity/schema/users.js";

/**
 * Security events (DESIGN.md §7): signups, logins, lockouts, refresh-token reuse, logouts.
 * `user_id` is null when no user is known (unknown email) and becomes null if the user is deleted.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    event: text("event").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("audit_log_user_id_created_at_idx").on(table.userId, table.createdAt)],
);

/** An `audit_log` row as read. */
export type AuditLogRow = typeof auditLog.$inferSelect;
