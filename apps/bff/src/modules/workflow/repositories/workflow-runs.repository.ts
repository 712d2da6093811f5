import { Inject, Injectable } from "@nestjs/common";
import { and, eq, getTableColumns, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../../database/database.js";
import { type WorkflowRunRow, workflowRuns } from "../schema/workflow-runs.js";
import { type WorkflowStepRow, workflowSteps } from "../schema/workflow-steps.js";

/** A run's key: workflow name and business id. */
export interface RunKey {
  workflow: string;
  businessId: string;
}

function runIs(key: RunKey) {
  return and(eq(workflowRuns.workflow, key.workflow), eq(workflowRuns.businessId, key.businessId));
}

function stepsOf(key: RunKey) {
  return and(
    eq(workflowSteps.workflow, key.workflow),
    eq(workflowSteps.businessId, key.businessId),
  );
}

/** The lease is free when nobody holds it or its holder's time ran out. */
function leaseFree(now: Date) {
  return or(isNull(workflowRuns.claimedUntil), lt(workflowRuns.claimedUntil, now));
}

/**
 * Workflow runs and their step checkpoints (`workflow_runs`, `workflow_steps`), for the workflow
 * runner. Leases are taken in one statement each, so of concurrent callers exactly one wins.
 */
@Injectable()
export class WorkflowRunsRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /**
   * Takes the lease on run `key` until `now + leaseSeconds`: inserts it (`running`, with `input`)
   * when there is none, else takes over a run that is not `completed` and whose lease is free
   * (INSERT … ON CONFLICT DO UPDATE … WHERE; the existing row keeps its own input).
   * @returns the row and whether this call created it, when this caller holds the lease now;
   *   null when the run is completed or another caller holds a live lease.
   */
  async claim(
    key: RunKey,
    input: unknown,
    now: Date,
    leaseSeconds: number,
  ): Promise<{ row: WorkflowRunRow; created: boolean } | null> {
    const claimedUntil = new Date(now.getTime() + leaseSeconds * 1000);
    const [row] = await this.connection.db
      .insert(workflowRuns)
      .values({ ...key, status: "running", input, claimedUntil, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [workflowRuns.workflow, workflowRuns.businessId],
        set: { claimedUntil, updatedAt: now },
        setWhere: and(ne(workflowRuns.status, "completed"), leaseFree(now)),
      })
      // xmax is 0 on a row version this statement inserted (PostgreSQL system columns).
      .returning({ ...getTableColumns(workflowRuns), created: sql<boolean>`(xmax = 0)` });
    if (!row) {
      return null;
    }
    const { created, ...run } = row;
    return { row: run, created };
  }

  /**
   * Takes the lease on an existing run left `running` or `compensating` (a resume).
   * @returns the row, or null when there is no such run or its lease is held.
   */
  async claimUnfinished(
    key: RunKey,
    now: Date,
    leaseSeconds: number,
  ): Promise<WorkflowRunRow | null> {
    const claimedUntil = new Date(now.getTime() + leaseSeconds * 1000);
    const [row] = await this.connection.db
      .update(workflowRuns)
      .set({ claimedUntil, updatedAt: now })
      .where(
        and(runIs(key), inArray(workflowRuns.status, ["running", "compensating"]), leaseFree(now)),
      )
      .returning();
    return row ?? null;
  }

  /** Run `key`, or null. */
  async find(key: RunKey): Promise<WorkflowRunRow | null> {
    const [row] = await this.connection.db.select().from(workflowRuns).where(runIs(key));
    return row ?? null;
  }

  /** Starts run `key` (held by the caller) over with `input`: `running`, no error. */
  async restart(key: RunKey, input: unknown): Promise<void> {
    await this.connection.db
      .update(workflowRuns)
      .set({ status: "running", input, error: null, updatedAt: new Date() })
      .where(runIs(key));
  }

  /** The checkpoints of run `key`. */
  async checkpoints(key: RunKey): Promise<WorkflowStepRow[]> {
    return this.connection.db.select().from(workflowSteps).where(stepsOf(key));
  }

  /** Records that `step` of run `key` finished with `output`, and renews the lease. */
  async checkpoint(
    key: RunKey,
    step: string,
    output: unknown,
    now: Date,
    leaseSeconds: number,
  ): Promise<void> {
    await this.connection.db
      .insert(workflowSteps)
      .values({ ...key, step, output: output ?? null, finishedAt: now });
    await this.connection.db
      .update(workflowRuns)
      .set({ claimedUntil: new Date(now.getTime() + leaseSeconds * 1000), updatedAt: now })
      .where(runIs(key));
  }

  /** Forgets the checkpoint of `step` (it was compensated). */
  async removeCheckpoint(key: RunKey, step: string): Promise<void> {
    await this.connection.db
      .delete(workflowSteps)
      .where(and(stepsOf(key), eq(workflowSteps.step, step)));
  }

  /** Sets the status (and error) of run `key`; `release` ends the caller's lease. */
  async settle(
    key: RunKey,
    status: WorkflowRunRow["status"],
    error: string | null,
    release: boolean,
  ): Promise<void> {
    await this.connection.db
      .update(workflowRuns)
      .set({ status, error, updatedAt: new Date(), ...(release ? { claimedUntil: null } : {}) })
      .where(runIs(key));
  }

  /** Ends the caller's lease on run `key`, leaving its status. */
  async release(key: RunKey): Promise<void> {
    await this.connection.db
      .update(workflowRuns)
      .set({ claimedUntil: null, updatedAt: new Date() })
      .where(runIs(key));
  }

  /** Deletes run `key` and its checkpoints. */
  async remove(key: RunKey): Promise<void> {
    await this.connection.db.delete(workflowRuns).where(runIs(key));
  }
}
