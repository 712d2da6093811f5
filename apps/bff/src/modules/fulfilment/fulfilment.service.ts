import { Inject, Injectable, Logger, type OnModuleInit } from "@nestjs/common";
import { SalesforceClient } from "@portal/salesforce";
import { APP_JOBS, type AppJobs } from "../queue/app-jobs.js";
import { DeadLetterError } from "../queue/dead-letter-error.js";
import { type DeadLetter, JobQueue } from "../queue/job-queue.js";
import { WorkflowBusyError } from "../workflow/workflow-busy.error.js";
import { WorkflowRunner } from "../workflow/workflow-runner.js";
import { ActivationError } from "./activation-error.js";
import { FulfilmentProgress, type FulfilmentSubject } from "./fulfilment-progress.js";
import { FULFILMENT_WORKFLOW, FulfilmentWorkflow } from "./fulfilment-workflow.js";

/** The job that fulfils one Order. */
export const FULFIL_JOB = "order.fulfil";

/** A fulfilment run as an operator inspects it: status, last error and finished steps. */
export interface FulfilmentRunView {
  status: "running" | "compensating" | "failed" | "completed";
  error: string | null;
  updatedAt: string;
  steps: { step: string; output: unknown; finishedAt: string }[];
}

/** A dead-lettered fulfilment job with the Order it is about and its run (null when none is kept). */
export interface FulfilmentDeadLetter extends DeadLetter {
  orderId: string | null;
  run: FulfilmentRunView | null;
}

/**
 * Fulfilment of approved Salesforce Orders (DESIGN.md §6; issue 8): `request` queues the
 * `order.fulfil` job (what the Pub/Sub subscriber calls, contract §2), whose handler runs the
 * `order.fulfilment` workflow on the runner; operators list, inspect and retry the dead-lettered
 * jobs (contract §3). An Order that is not `Approved`, or is already `Activated`, is left alone
 * unless a run of it is unfinished (that run is finished).
 */
@Injectable()
export class FulfilmentService implements OnModuleInit {
  private readonly logger = new Logger(FulfilmentService.name);

  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue<AppJobs>,
    @Inject(WorkflowRunner) private readonly runner: WorkflowRunner,
    private readonly workflow: FulfilmentWorkflow,
    private readonly salesforce: SalesforceClient,
    private readonly progress: FulfilmentProgress,
  ) {}

  onModuleInit(): void {
    this.runner.define(this.workflow.definition);
    this.queue.register(FULFIL_JOB, ({ orderId }, job) => this.fulfil(orderId, job.retryCount));
  }

  /**
   * Durably enqueues the fulfilment of Salesforce Order `orderId` (18-character Id); resolves
   * once stored. A call for an Order already queued is a no-op (one queued and one running per
   * Order: the `stately` policy with the Order Id as singleton key).
   * @throws ZodError for an id that is not an 18-character Salesforce Id; the database's error.
   */
  async request(orderId: string): Promise<void> {
    // The Order change event and the platform event both ask; one job per Order is enough, and a
    // second beside an active or retrying one trips pg-boss's stately policy (review finding).
    if (await this.queue.hasUnfinished(FULFIL_JOB, orderId)) {
      this.logger.log({ orderId }, "Fulfilment already queued or running");
      return;
    }
    const id = await this.queue.send(FULFIL_JOB, { orderId }, { singletonKey: orderId });
    this.logger.log({ orderId, jobId: id }, id ? "Fulfilment queued" : "Fulfilment already queued");
  }

  /**
   * The job's handler: runs (or continues) the workflow. When another process holds the run,
   * the job tries again later (after its last try, a new job once the holder's lease ran out).
   * A permanent failure, already
   * written back, sends the job to the dead-letter queue at once; a transient one is thrown for
   * pg-boss to retry, and on the last try the Order is first marked `Failed` with
   * `RETRIES_EXHAUSTED`.
   * @throws DeadLetterError, WorkflowBusyError, or the transient error
   */
  async fulfil(orderId: string, retryCount: number): Promise<void> {
    if (
      !(await this.runner.isUnfinished(FULFILMENT_WORKFLOW, orderId)) &&
      !(await this.due(orderId))
    ) {
      return;
    }
    try {
      await this.runner.run(this.workflow.definition, orderId, { orderId });
    } catch (error) {
      if (error instanceof WorkflowBusyError) {
        // Look again later (the job's backoff): the holder may suspend the run and leave it to
        // this job. On the last try, a new job looks again once the holder's lease has run out,
        // so a run whose holder gave up is never left Activating with nothing to finish it
        // (review finding).
        this.logger.log({ orderId }, "Fulfilment run held by another process");
        if (retryCount < APP_JOBS[FULFIL_JOB].retryLimit) throw error;
        await this.queue.send(
          FULFIL_JOB,
          { orderId },
          { singletonKey: orderId, startAfterSeconds: this.workflow.definition.leaseSeconds },
        );
        return;
      }
      if (error instanceof ActivationError) {
        throw new DeadLetterError(`${error.code}: ${error.message}`);
      }
      if (retryCount >= APP_JOBS[FULFIL_JOB].retryLimit) {
        await this.markExhausted(orderId, error);
      }
      throw error;
    }
  }

  /** Dead-lettered fulfilment jobs, newest first (at most `limit`). */
  async deadLetters(limit: number): Promise<FulfilmentDeadLetter[]> {
    const letters = await this.queue.deadLetters(FULFIL_JOB, limit);
    return Promise.all(letters.map((letter) => this.withRun(letter)));
  }

  /** One dead-lettered job with its run, or null. */
  async deadLetter(id: string): Promise<FulfilmentDeadLetter | null> {
    const letter = await this.queue.deadLetter(FULFIL_JOB, id);
    return letter ? this.withRun(letter) : null;
  }

  /**
   * Queues the dead-lettered job's Order again and removes the dead letter. The new run resumes a
   * suspended run where it stopped, or starts a failed one afresh (each step finds what was made).
   * @returns the Order Id, or null when there is no such dead letter
   */
  async retryDeadLetter(id: string): Promise<string | null> {
    const letter = await this.queue.deadLetter(FULFIL_JOB, id);
    const orderId = letter ? orderIdOf(letter) : null;
    if (!letter || orderId === null) return null;
    await this.request(orderId);
    await this.queue.dropDeadLetter(FULFIL_JOB, id);
    return orderId;
  }

  /** Whether the Order is Approved and not yet Activated (else the job has nothing to do). */
  private async due(orderId: string): Promise<boolean> {
    const order = await this.salesforce.orders.getForFulfilment(orderId);
    const due =
      order !== null && order.status === "approved" && order.activationStatus !== "activated";
    if (!due) {
      this.logger.log(
        {
          orderId,
          status: order?.status ?? null,
          activationStatus: order?.activationStatus ?? null,
        },
        "Order not due for fulfilment; nothing to do",
      );
    }
    return due;
  }

  /** Marks the Order `Failed` with `RETRIES_EXHAUSTED` (logged when even that fails). */
  private async markExhausted(orderId: string, error: unknown): Promise<void> {
    try {
      const subject = await this.subject(orderId);
      if (!subject) return;
      await this.progress.failed(subject, {
        code: "RETRIES_EXHAUSTED",
        message: `Retries used up; last error: ${error instanceof Error ? error.message : String(error)}`,
      });
    } catch (writeError) {
      this.logger.error(
        { err: writeError, orderId },
        "Could not mark an exhausted fulfilment Failed",
      );
    }
  }

  private async subject(orderId: string): Promise<FulfilmentSubject | null> {
    const order = await this.salesforce.orders.getForFulfilment(orderId);
    if (!order) return null;
    const account = await this.salesforce.accounts.get(order.accountId);
    return {
      orderId,
      orderNumber: order.number,
      sfAccountId: order.accountId,
      whmcsClientId: account?.billingClientId ?? null,
    };
  }

  private async withRun(letter: DeadLetter): Promise<FulfilmentDeadLetter> {
    const orderId = orderIdOf(letter);
    const found = orderId ? await this.runner.inspect(FULFILMENT_WORKFLOW, orderId) : null;
    return {
      ...letter,
      orderId,
      run: found && {
        status: found.run.status,
        error: found.run.error,
        updatedAt: found.run.updatedAt.toISOString(),
        steps: found.steps
          .sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime())
          .map((step) => ({
            step: step.step,
            output: withoutPersonalData(step.output ?? null),
            finishedAt: step.finishedAt.toISOString(),
          })),
      },
    };
  }
}

/** Keys of step outputs that hold the customer's personal data (the SIM's EID, MNP details). */
const PERSONAL_KEYS = new Set(["eid", "mnp"]);

/**
 * `output` with the values of {@link PERSONAL_KEYS} replaced by `"[redacted]"` at any depth: an
 * operator inspecting a run needs to see which steps finished and what they made, not the
 * customer's porting details or device id (review finding).
 */
function withoutPersonalData(output: unknown): unknown {
  if (Array.isArray(output)) return output.map(withoutPersonalData);
  if (output === null || typeof output !== "object") return output;
  return Object.fromEntries(
    Object.entries(output).map(([key, value]) => [
      key,
      PERSONAL_KEYS.has(key) && value !== null ? "[redacted]" : withoutPersonalData(value),
    ]),
  );
}

/** The Order Id a dead letter carries, or null for a payload that has none. */
function orderIdOf(letter: DeadLetter): string | null {
  const parsed = APP_JOBS[FULFIL_JOB].schema.safeParse(letter.payload);
  return parsed.success ? parsed.data.orderId : null;
}
