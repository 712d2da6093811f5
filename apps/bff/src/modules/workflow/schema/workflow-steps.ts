import { foreignKey, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { workflowRuns } from "./workflow-runs.js";

/**
 * The checkpoint of each finished step of a run: its output, written as soon as the step returns,
 * so a resumed run skips it and never repeats its effect. Deleted when the step is compensated.
 */
export const workflowSteps = pgTable(
  "workflow_steps",
  {
    workflow: text("workflow").notNull(),
    businessId: text("business_id").notNull(),
    step: text("step").notNull(),
    output: jsonb("output").$type<unknown>(),
    finishedAt: timestamp("finished_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workflow, table.businessId, table.step] }),
    foreignKey({
      columns: [table.workflow, table.businessId],
      foreignColumns: [workflowRuns.workflow, workflowRuns.businessId],
    }).onDelete("cascade"),
  ],
);

/** A `workflow_steps` row as read. */
export type WorkflowStepRow = typeof workflowSteps.$inferSelect;
