import { jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per workflow run (DESIGN.md §9 "Workflows"), keyed by workflow name and business id
 * (the sign-up's customer number, later the Salesforce Order id). `status`: `running` (steps
 * under way or left by a crash), `compensating` (a step failed; finished steps being undone),
 * `failed` (undone; a new run may start), `completed`. `claimed_until` is the lease of the process
 * working on it (null = nobody); `input` is what the run was started with, so a resume needs
 * nothing else.
 */
export const workflowRuns = pgTable(
  "workflow_runs",
  {
    workflow: text("workflow").notNull(),
    businessId: text("business_id").notNull(),
    status: text("status", { enum: ["running", "compensating", "failed", "completed"] }).notNull(),
    input: jsonb("input").$type<unknown>().notNull(),
    error: text("error"),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workflow, table.businessId] })],
);

/** A `workflow_runs` row as read. */
export type WorkflowRunRow = typeof workflowRuns.$inferSelect;
