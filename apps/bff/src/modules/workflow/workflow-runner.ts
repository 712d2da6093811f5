import { setTimeout as sleep } from "node:timers/promises";
import { Logger } from "@nestjs/common";
import { type WorkflowRunRow } from "./schema/workflow-runs.js";
import { type WorkflowStepRow } from "./schema/workflow-steps.js";
import {
  type RunKey,
  type WorkflowRunsRepository,
} from "./repositories/workflow-runs.repository.js";
import { originalError, PermanentError } from "./permanent-error.js";
import { WorkflowBusyError } from "./workflow-busy.error.js";
import {
  type StepContext,
  type WorkflowDefinition,
  type WorkflowOutcome,
  type WorkflowStep,
} from "./workflow-definition.js";

/** Asks for a run to be resumed after `afterSeconds` unless it has finished by then (a job). */
export interface ResumeScheduler {
  scheduleResume(key: RunKey, afterSeconds: number): Promise<void>;
}

/** What {@link WorkflowRunner.resume} did. */
export type ResumeOutcome =
  { kind: "finished" } | { kind: "nothing-to-do" } | { kind: "busy"; claimedUntil: Date | null };

/** Test seams and clock of a {@link WorkflowRunner}. */
export interface WorkflowRunnerOptions {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Called after each checkpoint is written. An error thrown here leaves the run exactly as a
   * process dying at that point would: no compensation, the lease still held. For tests.
   */
  afterCheckpoint?: (key: RunKey, step: string) => void;
}

type AnyDefinition = WorkflowDefinition<unknown, unknown>;

/** Thrown by `afterCheckpoint` to stand for the process dying; never caught by the runner. */
class Interrupted extends Error {
  constructor(readonly original: unknown) {
    super("Workflow run interrupted");
  }
}

/**
 * Runs workflows (DESIGN.md §9 "Workflows"; decision 0013): one run per workflow name and business
 * id, held by one process at a time (a lease in `workflow_runs`); each finished step's output is
 * checkpointed, so a run continued after a crash resumes after the last finished step and never
 * invokes a finished one again. A step is tried up to `retry.attempts` times with doubling
 * backoff unless it throws {@link PermanentError}; when it fails for good, the finished steps
 * are compensated in reverse order and the run ends `failed` (a later run may start afresh).
 * Every run asks the scheduler to resume it after its lease, so a run a crash left behind is
 * finished by whichever replica works the resume job.
 */
export class WorkflowRunner {
  private readonly logger = new Logger(WorkflowRunner.name);
  private readonly definitions = new Map<string, AnyDefinition>();
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly runs: WorkflowRunsRepository,
    private readonly scheduler: ResumeScheduler,
    private readonly options: WorkflowRunnerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => sleep(ms).then(() => undefined));
  }

  /**
   * Makes `definition` resumable by name (the resume job knows only the name). Owning modules
   * call it at start-up.
   * @throws Error when another workflow already has that name.
   */
  define<I, R>(definition: WorkflowDefinition<I, R>): void {
    const existing = this.definitions.get(definition.name);
    if (existing && existing !== definition) {
      throw new Error(`Workflow "${definition.name}" is defined twice`);
    }
    this.definitions.set(definition.name, definition as AnyDefinition);
  }

  /**
   * Runs `definition` for `businessId`: starts a run with `input`, or continues the earlier run
   * of that business id a crash left unfinished (with that run's input), or returns the result of
   * a completed one.
   * @throws WorkflowBusyError when another process holds the run; the failing step's error
   *   (unwrapped from PermanentError) once the finished steps are compensated; the database's.
   */
  async run<I, R>(
    definition: WorkflowDefinition<I, R>,
    businessId: string,
    input: I,
  ): Promise<WorkflowOutcome<I, R>> {
    this.define(definition);
    const key = { workflow: definition.name, businessId };
    const stored = definition.input.parse(input);
    const claimed = await this.runs.claim(key, stored, this.now(), definition.leaseSeconds);
    if (!claimed) {
      return this.completedOrBusy(definition, key);
    }
    const { row, created } = claimed;
    return this.holding(key, async () => {
      if (row.status === "compensating") {
        await this.compensate(definition, key, this.parseInput(definition, row));
      }
      if (row.status === "compensating" || row.status === "failed") {
        await this.runs.restart(key, stored);
      }
      const resumed = !created && row.status === "running";
      const runInput = resumed ? this.parseInput(definition, row) : stored;
      await this.scheduler.scheduleResume(key, definition.leaseSeconds);
      const result = await this.forward(definition, key, runInput);
      return { result, input: runInput, resumed };
    });
  }

  /**
   * Finishes run `businessId` of workflow `workflowName` if a crash left it unfinished: continues
   * its steps (or its compensation) from the checkpoints, with its stored input.
   * @throws Error for an unknown workflow; the failing step's error once compensated.
   */
  async resume(workflowName: string, businessId: string): Promise<ResumeOutcome> {
    const definition = this.definitions.get(workflowName);
    if (!definition) {
      throw new Error(`Unknown workflow "${workflowName}"`);
    }
    const key = { workflow: workflowName, businessId };
    const row = await this.runs.claimUnfinished(key, this.now(), definition.leaseSeconds);
    if (!row) {
      const current = await this.runs.find(key);
      return current && (current.status === "running" || current.status === "compensating")
        ? { kind: "busy", claimedUntil: current.claimedUntil }
        : { kind: "nothing-to-do" };
    }
    this.logger.log({ ...key, status: row.status }, "Resuming an unfinished workflow run");
    return this.holding(key, async () => {
      const input = this.parseInput(definition, row);
      if (row.status === "compensating") {
        await this.compensate(definition, key, input);
        await this.runs.settle(key, "failed", row.error, false);
      } else {
        await this.forward(definition, key, input);
      }
      return { kind: "finished" };
    });
  }

  /**
   * Run `businessId` of `workflowName` as stored, with its checkpoints (step, output, finished
   * at), for operators; null when there is none.
   */
  async inspect(
    workflowName: string,
    businessId: string,
  ): Promise<{ run: WorkflowRunRow; steps: WorkflowStepRow[] } | null> {
    const key = { workflow: workflowName, businessId };
    const run = await this.runs.find(key);
    return run ? { run, steps: await this.runs.checkpoints(key) } : null;
  }

  /** Whether run `businessId` of `workflowName` is `running` or `compensating`. */
  async isUnfinished(workflowName: string, businessId: string): Promise<boolean> {
    const row = await this.runs.find({ workflow: workflowName, businessId });
    return row?.status === "running" || row?.status === "compensating";
  }

  /**
   * Deletes run `businessId` of workflow `workflowName` and its checkpoints (a feature that keeps its own
   * record of the outcome, so the business id may run again later).
   */
  async forget(workflowName: string, businessId: string): Promise<void> {
    await this.runs.remove({ workflow: workflowName, businessId });
  }

  /**
   * Runs `work` while holding the lease on `key`, then releases it — unless the run was
   * interrupted (a simulated crash), which leaves the lease to expire as a dead process would.
   */
  private async holding<T>(key: RunKey, work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      await this.runs.release(key);
      return result;
    } catch (error) {
      if (error instanceof Interrupted) {
        throw error.original;
      }
      await this.runs.release(key).catch((releaseError: unknown) => {
        this.logger.error({ err: releaseError, ...key }, "Could not release a workflow run");
      });
      throw error;
    }
  }

  /** Invokes each unfinished step in order; on a final failure compensates and rethrows. */
  private async forward<I, R>(
    definition: WorkflowDefinition<I, R>,
    key: RunKey,
    input: I,
  ): Promise<R> {
    const outputs = await this.finishedOutputs(definition, key);
    const ctx = (step: string) => this.context(key, step, input, outputs);
    for (const step of definition.steps) {
      if (outputs.has(step.name)) {
        continue;
      }
      let output: unknown;
      try {
        output = await this.invoke(step, ctx(step.name));
      } catch (error) {
        if (definition.onRetriesExhausted === "suspend" && !(error instanceof PermanentError)) {
          await this.suspend(key, step.name, error);
          throw error;
        }
        await this.fail(definition, key, input, step.name, error);
        throw originalError(error);
      }
      await this.runs.checkpoint(key, step.name, output, this.now(), definition.leaseSeconds);
      outputs.set(step.name, output);
      try {
        this.options.afterCheckpoint?.(key, step.name);
      } catch (error) {
        throw new Interrupted(error);
      }
    }
    const result = definition.result(ctx("result"));
    await (definition.keepCompleted
      ? this.runs.settle(key, "completed", null, false)
      : this.runs.remove(key));
    return result;
  }

  /** Tries `step` up to its attempts, waiting backoff·2^(n-1) ms between tries. */
  private async invoke<I>(step: WorkflowStep<I, unknown>, ctx: StepContext<I>): Promise<unknown> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return step.output.parse(await step.invoke(ctx));
      } catch (error) {
        if (error instanceof PermanentError || attempt >= step.retry.attempts) {
          throw error;
        }
        this.logger.warn(
          { err: error, businessId: ctx.businessId, step: step.name, attempt },
          "Workflow step failed; retrying",
        );
        await this.sleep(step.retry.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  /**
   * Leaves run `key` `running` with its checkpoints after `stepName` failed transiently for now,
   * recording the error (for operators) and ending this process's lease, so the next `run` or
   * `resume` continues at that step.
   */
  private async suspend(key: RunKey, stepName: string, error: unknown): Promise<void> {
    const message = `${stepName}: ${error instanceof Error ? error.message : String(error)}`;
    this.logger.warn({ err: error, ...key, step: stepName }, "Workflow step failed; run suspended");
    await this.runs.settle(key, "running", message, true);
  }

  /**
   * Records the failure, compensates the finished steps and ends the run `failed`. A compensation
   * that fails is logged and leaves the run `compensating`, for the resume job to finish; the
   * caller still sees the step's own error.
   */
  private async fail<I>(
    definition: WorkflowDefinition<I, unknown>,
    key: RunKey,
    input: I,
    stepName: string,
    error: unknown,
  ): Promise<void> {
    const message = `${stepName}: ${error instanceof Error ? error.message : String(error)}`;
    this.logger.warn({ err: error, ...key, step: stepName }, "Workflow step failed; compensating");
    await this.runs.settle(key, "compensating", message, false);
    try {
      await this.compensate(definition, key, input);
    } catch (compensationError) {
      this.logger.error(
        { err: compensationError, ...key },
        "Compensation failed; the resume job will continue it",
      );
      return;
    }
    await this.runs.settle(key, "failed", message, false);
  }

  /**
   * Undoes the finished steps in reverse order, forgetting each checkpoint once undone (a step
   * without `compensate` is simply forgotten), so a compensation interrupted half-way continues
   * where it stopped.
   * @throws the first compensation's error (the run stays `compensating` for a resume).
   */
  private async compensate<I>(
    definition: WorkflowDefinition<I, unknown>,
    key: RunKey,
    input: I,
  ): Promise<void> {
    const outputs = await this.finishedOutputs(definition, key);
    for (const step of [...definition.steps].reverse()) {
      if (!outputs.has(step.name)) {
        continue;
      }
      await step.compensate?.(this.context(key, step.name, input, outputs), outputs.get(step.name));
      await this.runs.removeCheckpoint(key, step.name);
    }
  }

  /** The checkpointed outputs of `key`'s finished steps, validated by each step's schema. */
  private async finishedOutputs<I>(
    definition: WorkflowDefinition<I, unknown>,
    key: RunKey,
  ): Promise<Map<string, unknown>> {
    const schemas = new Map(definition.steps.map((step) => [step.name, step.output]));
    const outputs = new Map<string, unknown>();
    for (const row of await this.runs.checkpoints(key)) {
      const schema = schemas.get(row.step);
      if (schema) {
        outputs.set(row.step, schema.parse(row.output));
      }
    }
    return outputs;
  }

  private context<I>(
    key: RunKey,
    stepName: string,
    input: I,
    outputs: Map<string, unknown>,
  ): StepContext<I> {
    return {
      businessId: key.businessId,
      input,
      idempotencyKey: `${key.businessId}:${stepName}`,
      outputOf<O>(step: WorkflowStep<I, O>): O {
        if (!outputs.has(step.name)) {
          throw new Error(`Step "${step.name}" has not finished`);
        }
        return outputs.get(step.name) as O;
      },
    };
  }

  private async completedOrBusy<I, R>(
    definition: WorkflowDefinition<I, R>,
    key: RunKey,
  ): Promise<WorkflowOutcome<I, R>> {
    const row = await this.runs.find(key);
    if (row?.status !== "completed") {
      throw new WorkflowBusyError(key.workflow, key.businessId, row?.claimedUntil ?? null);
    }
    const input = this.parseInput(definition, row);
    const outputs = await this.finishedOutputs(definition, key);
    return {
      result: definition.result(this.context(key, "result", input, outputs)),
      input,
      resumed: true,
    };
  }

  private parseInput<I>(definition: WorkflowDefinition<I, unknown>, row: WorkflowRunRow): I {
    return definition.input.parse(row.input);
  }
}
