import { type z } from "zod";

/** What a step gets: the run's business id and input, earlier outputs, and its idempotency key. */
export interface StepContext<I> {
  /** The run's business id (the sign-up's customer number, an Order id). */
  readonly businessId: string;
  readonly input: I;
  /**
   * `<businessId>:<stepName>`: the key to send with every external call of this step, so the
   * upstream recognises a repeat of it (DESIGN.md §9 "roots every external idempotency key").
   */
  readonly idempotencyKey: string;
  /** The output of an earlier step of this run. @throws Error when that step has not finished. */
  outputOf<O>(step: WorkflowStep<I, O>): O;
}

/** How often a step is tried and how long to wait between tries. */
export interface RetryPolicy {
  /** Tries in all (1 = no retry). */
  attempts: number;
  /** Milliseconds before the 2nd try; each later wait doubles. */
  backoffMs: number;
}

/**
 * One step of a workflow (the Medusa model, STYLE.md): `invoke` does the work and returns an
 * output (checkpointed, validated by `output` when read back); `compensate` undoes it after a
 * later step failed for good. A step without `compensate` leaves its effect in place (say why
 * in its docstring). `invoke` must tolerate being repeated after a crash between its effect and
 * its checkpoint: use `idempotencyKey` upstream, or look for the effect first.
 */
export interface WorkflowStep<I, O> {
  readonly name: string;
  readonly output: z.ZodType<O>;
  readonly retry: RetryPolicy;
  invoke(ctx: StepContext<I>): Promise<O>;
  compensate?(ctx: StepContext<I>, output: O): Promise<void>;
}

/**
 * A workflow: its name (stable: stored with every run), the schema of its input (stored with the
 * run and validated when a resume reads it back), its steps in order, what a completed run
 * returns, how long a process may work on one run before another may take over, and whether
 * completed runs are kept.
 */
export interface WorkflowDefinition<I, R> {
  readonly name: string;
  readonly input: z.ZodType<I>;
  // Each step has its own output type; the list only needs to agree on the input.
  readonly steps: readonly WorkflowStep<I, unknown>[];
  result(ctx: StepContext<I>): R;
  /** Seconds; far above the worst case of one step, so it only runs out when a process died. */
  readonly leaseSeconds: number;
  /**
   * Whether a completed run stays (a later `run` for its business id returns its result) or is
   * deleted with its checkpoints (the feature keeps its own record of the outcome, and the
   * business id may run again).
   */
  readonly keepCompleted: boolean;
  /**
   * What a step's retryable error does once the step's tries are used up: `compensate` (the
   * default) undoes the finished steps and ends the run `failed`; `suspend` keeps the run
   * `running` with its checkpoints and the error, releases it and rethrows, so the caller (a job
   * retried with backoff) runs it again later and it resumes at that step (decision 0069). A
   * `PermanentError` compensates either way.
   */
  readonly onRetriesExhausted?: "compensate" | "suspend";
}

/** What {@link WorkflowRunner.run} returns. */
export interface WorkflowOutcome<I, R> {
  result: R;
  /** The input the run used: the caller's, or that of an earlier run it resumed. */
  input: I;
  /** True when the run continued (or had finished) an earlier run instead of starting anew. */
  resumed: boolean;
}
