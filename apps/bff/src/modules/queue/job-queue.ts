import { Logger } from "@nestjs/common";
import { setImmediate as setImmediatePromise, setTimeout as sleep } from "node:timers/promises";
import PgBoss from "pg-boss";
import { type ExecuteSql } from "../database/database.js";
import { DeadLetterError } from "./dead-letter-error.js";
import { type JobDefinition, type JobDefinitions, type JobPayload } from "./job-definition.js";

/**
 * What a handler does with one job's validated payload; throwing fails the attempt (retry), or,
 * with a {@link DeadLetterError}, sends the job straight to its dead-letter queue.
 */
export type JobHandler<P> = (payload: P, job: { id: string; retryCount: number }) => Promise<void>;

/** How long stopping waits for pg-boss and for the jobs being worked, in milliseconds. */
const STOP_TIMEOUT_MS = 10_000;

/** Options of {@link JobQueue.send}. */
export interface SendOptions {
  /**
   * Deduplicates by key as the job's `policy` says (pg-boss 10 policies, vendor-facts §6.2); a
   * rejected duplicate makes `send` return null.
   */
  singletonKey?: string;
  /** Seconds from now before the job may run. */
  startAfterSeconds?: number;
  /**
   * The job's id (a UUID): a second job with the same id in the same queue is refused (`send`
   * returns null) for as long as pg-boss keeps the first in its job table — completed jobs stay
   * there about 12 hours before they are archived (vendor-facts §6.2).
   */
  id?: string;
}

/** Per job name: jobs waiting (created or retry), in the dead-letter queue, and outcomes seen here. */
export interface JobCounts {
  waiting: number;
  deadLettered: number;
  /** Jobs this process completed since it started. */
  completed: number;
  /** Attempts that failed in this process since it started (a retried job counts each time). */
  failed: number;
}

/**
 * A job in a dead-letter queue: its id there, the payload it failed with, what pg-boss recorded
 * of the last failure (null when the handler sent it there itself), and when it arrived (ISO 8601 UTC).
 */
export interface DeadLetter {
  id: string;
  payload: Record<string, unknown>;
  error: unknown;
  deadLetteredAt: string;
}

/** A dead-letter row as pg-boss's `job` table holds it. */
interface DeadLetterRow {
  id: string;
  data: Record<string, unknown> | null;
  output: unknown;
  created_on: Date | string;
}

/** Options of a {@link JobQueue}. */
export interface JobQueueOptions {
  /** PostgreSQL schema of pg-boss's tables. */
  schema?: string;
  /** How often idle workers poll (pg-boss minimum 0.5 s; default 2 s). */
  pollingIntervalSeconds?: number;
  /** How often pg-boss's maintenance expires the jobs of dead workers, in seconds (default 30). */
  maintenanceIntervalSeconds?: number;
}

/** One pg-boss worker of this process: its id (once `work` has resolved) and its running handlers. */
interface Worker {
  id: string | null;
  /**
   * Handlers of this worker still running: usually 0 or 1, but pg-boss moves a worker on from a
   * job that outlived its `expireInSeconds` while its handler may still be running.
   */
  running: number;
}

/** A pg-boss job id (a UUID); anything else cannot name a job. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    payload: row.data ?? {},
    error: row.output ?? null,
    deadLetteredAt: new Date(row.created_on).toISOString(),
  };
}

/** The dead-letter queue of job `name`. */
export function deadLetterQueue(name: string): string {
  return `${name}.dead`;
}

/**
 * The durable job queue (DESIGN.md §9 "Jobs"): pg-boss 10 on the BFF's own database through its
 * `db` option — node-postgres's pool, or in embedded mode the one PGlite connection (decision
 * 0012). Job names and payloads are the typed union `D`; each name gets exactly one handler
 * (`register`, before `start`), a queue with retries and backoff, a dead-letter queue, and as many
 * pg-boss workers as its `concurrency` (one job each at a time; decision 0076).
 * Payloads are validated with the definition's zod schema when sent and when worked.
 */
export class JobQueue<D extends JobDefinitions> {
  private readonly logger = new Logger("JobQueue");
  private readonly boss: PgBoss;
  private readonly handlers = new Map<keyof D & string, JobHandler<never>>();
  private readonly outcomes = new Map<string, { completed: number; failed: number }>();
  /** Each job name's workers in this process (its `concurrency`). */
  private readonly workers = new Map<string, Worker[]>();
  /** Turns through the idle workers {@link wakeIdleWorker} wakes. */
  private wakeCount = 0;
  private started = false;
  /** pg-boss's statements still running (see {@link stop}). */
  private readonly statements = new Set<Promise<unknown>>();
  /** Handlers still working a job (see {@link stop}). */
  private readonly jobsRunning = new Set<Promise<unknown>>();

  constructor(
    private readonly executeSql: ExecuteSql,
    private readonly definitions: D,
    private readonly options: JobQueueOptions = {},
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => this.track(executeSql(text, values)) },
      schema: options.schema ?? "pgboss",
      // Cron schedules are checked by every instance; on by default.
      schedule: true,
      // Maintenance fails expired active jobs (a worker that died), so this bounds how late a
      // dead worker's job is retried beyond its expiry; pg-boss's default is 120 s.
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    });
    this.boss.on("error", (error) =>
      this.logger.error({ err: error }, "pg-boss reported an error"),
    );
  }

  /**
   * Sets the one handler of job `name`; called by the owning module before {@link start}.
   * @throws Error when `name` already has a handler or the queue has started.
   */
  register<N extends keyof D & string>(name: N, handler: JobHandler<JobPayload<D, N>>): void {
    if (this.started) {
      throw new Error(`Job "${name}": handlers must be registered before the queue starts`);
    }
    if (this.handlers.has(name)) {
      throw new Error(`Job "${name}" already has a handler`);
    }
    this.handlers.set(name, handler as JobHandler<never>);
  }

  /**
   * Starts pg-boss (creating or migrating its schema), creates each job's queue and dead-letter
   * queue, installs its cron schedule if it has one, and starts its `concurrency` workers (one by
   * default).
   * @throws Error naming every job without a handler or with a concurrency below 1 (nothing is
   *   started then); the driver's error when the database refuses.
   */
  async start(): Promise<void> {
    const missing = Object.keys(this.definitions).filter((name) => !this.handlers.has(name));
    if (missing.length > 0) {
      throw new Error(`No handler registered for job(s): ${missing.join(", ")}`);
    }
    const invalid = Object.entries(this.definitions).filter(
      ([, definition]) =>
        !Number.isInteger(definition.concurrency ?? 1) || (definition.concurrency ?? 1) < 1,
    );
    if (invalid.length > 0) {
      throw new Error(
        `Job concurrency must be a whole number of at least 1: ${invalid.map(([name]) => name).join(", ")}`,
      );
    }
    await this.boss.start();
    this.started = true;
    for (const [name, definition] of Object.entries(this.definitions)) {
      const deadLetter = deadLetterQueue(name);
      await this.ensureQueue(deadLetter, { name: deadLetter, policy: "standard" });
      await this.ensureQueue(name, {
        name,
        policy: definition.policy,
        retryLimit: definition.retryLimit,
        retryDelay: definition.retryDelaySeconds,
        retryBackoff: definition.retryBackoff,
        expireInSeconds: definition.expireInSeconds,
        deadLetter,
      });
      if (definition.cron) {
        await this.boss.schedule(
          name,
          definition.cron.expression,
          definition.cron.payload as object,
          {
            tz: "UTC",
          },
        );
      }
      const workers: Worker[] = [];
      this.workers.set(name, workers);
      for (let n = 0; n < (definition.concurrency ?? 1); n += 1) {
        workers.push(await this.startWorker(name));
      }
    }
  }

  /**
   * Queues job `name` with `payload` and wakes an idle worker of it in this process.
   * @returns the job id, or null when a job with the same `singletonKey` is already queued or running.
   * @throws ZodError when `payload` does not match the job's schema; Error before {@link start}.
   */
  async send<N extends keyof D & string>(
    name: N,
    payload: JobPayload<D, N>,
    options: SendOptions = {},
  ): Promise<string | null> {
    const data = this.definition(name).schema.parse(payload) as object;
    const id = await this.boss.send(name, data, {
      id: options.id,
      singletonKey: options.singletonKey,
      startAfter: options.startAfterSeconds,
    });
    if (id !== null && !options.startAfterSeconds) {
      this.wakeIdleWorker(name);
    }
    return id;
  }

  /** Queue depth, dead letters and outcomes per job name (for metrics). */
  async counts(): Promise<Record<keyof D & string, JobCounts>> {
    const entries = await Promise.all(
      Object.keys(this.definitions).map(async (name) => {
        const outcome = this.outcomes.get(name) ?? { completed: 0, failed: 0 };
        const counts: JobCounts = {
          waiting: await this.boss.getQueueSize(name),
          deadLettered: await this.boss.getQueueSize(deadLetterQueue(name)),
          ...outcome,
        };
        return [name, counts] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<keyof D & string, JobCounts>;
  }

  /**
   * Whether job `name` has a job with `singletonKey` waiting, retrying or being worked (pg-boss
   * states `created`, `retry`, `active`): a sender that must not add a second one for the same key
   * asks first (pg-boss 10's `stately` policy lets a second job in once the first is active, and
   * then trips over its own unique index when the first is retried; pg-boss issues #535/#536).
   */
  async hasUnfinished(name: keyof D & string, singletonKey: string): Promise<boolean> {
    const { rows } = await this.executeSql(
      `SELECT 1 FROM ${this.schemaName()}.job WHERE name = $1 AND singleton_key = $2 ` +
        "AND state IN ('created', 'retry', 'active') LIMIT 1",
      [this.definitionName(name), singletonKey],
    );
    return rows.length > 0;
  }

  /**
   * The jobs of `name` waiting in its dead-letter queue, newest first, at most `limit`.
   * pg-boss has no listing call, so this reads its `job` table (schema version 24, pg-boss 10).
   */
  async deadLetters(name: keyof D & string, limit: number): Promise<DeadLetter[]> {
    const { rows } = await this.executeSql(
      `SELECT id, data, output, created_on FROM ${this.schemaName()}.job ` +
        "WHERE name = $1 AND state = 'created' ORDER BY created_on DESC, id LIMIT $2",
      [deadLetterQueue(this.definitionName(name)), limit],
    );
    return (rows as DeadLetterRow[]).map(toDeadLetter);
  }

  /** One job of `name`'s dead-letter queue still waiting there, or null. */
  async deadLetter(name: keyof D & string, id: string): Promise<DeadLetter | null> {
    if (!UUID.test(id)) return null;
    const { rows } = await this.executeSql(
      `SELECT id, data, output, created_on FROM ${this.schemaName()}.job ` +
        "WHERE name = $1 AND id = $2 AND state = 'created'",
      [deadLetterQueue(this.definitionName(name)), id],
    );
    const [row] = rows as DeadLetterRow[];
    return row ? toDeadLetter(row) : null;
  }

  /** Removes job `id` from `name`'s dead-letter queue (it was dealt with). @returns whether it was there */
  async dropDeadLetter(name: keyof D & string, id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const { rows } = await this.executeSql(
      `DELETE FROM ${this.schemaName()}.job WHERE name = $1 AND id = $2 AND state = 'created' RETURNING id`,
      [deadLetterQueue(this.definitionName(name)), id],
    );
    return rows.length > 0;
  }

  /**
   * Stops the workers, waiting for running handlers, and pg-boss's maintenance; call before the
   * database closes (vendor-facts §6.3). Safe to call when never started.
   */
  async stop(): Promise<void> {
    if (!this.started) {
      return;
    }
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: STOP_TIMEOUT_MS });
    // pg-boss 10 counts a worker idle while its fetch is still running (the job it brings is then
    // worked anyway) and marks a job completed or failed without awaiting the statement
    // (manager.js `onFetch`): wait until none of those is left, or the database closes under them.
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (Date.now() < deadline) {
      await setImmediatePromise();
      const running = [...this.statements, ...this.jobsRunning];
      if (running.length === 0) return;
      const timeLeft = new AbortController();
      await Promise.race([
        Promise.allSettled(running),
        sleep(deadline - Date.now(), undefined, { signal: timeLeft.signal }).catch(() => undefined),
      ]);
      timeLeft.abort();
    }
    this.logger.warn(
      { jobs: this.jobsRunning.size, statements: this.statements.size },
      "Stopped the job queue with work still running",
    );
  }

  /** Starts one pg-boss worker of job `name` (batch size 1: a batch completes or fails as one). */
  private async startWorker(name: string): Promise<Worker> {
    // The id is known once `work` resolves, which its first job may precede.
    const worker: Worker = { id: null, running: 0 };
    worker.id = await this.boss.work<unknown>(
      name,
      {
        batchSize: 1,
        includeMetadata: true,
        pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2,
      },
      async ([job]) => {
        if (!job) return;
        worker.running += 1;
        try {
          await this.track(this.handle(name, job.id, job.retryCount, job.data), this.jobsRunning);
        } finally {
          worker.running -= 1;
          // pg-boss 10 waits out the rest of the polling interval after a job shorter than it
          // (worker.js): a worker would take at most one job per interval. Looking again at once
          // drains a backlog at the pace of the jobs; an empty look returns the worker to polling.
          if (worker.id) this.boss.notifyWorker(worker.id);
        }
      },
    );
    return worker;
  }

  /**
   * Has an idle worker of `name` in this process look now instead of at its next poll (up to 2 s
   * later): a mail or a resumed sign-up goes out at once; the idle workers take turns, so a burst
   * wakes several. When all are busy, the first to finish looks again at once
   * ({@link startWorker}). Workers of other replicas still find the job by polling.
   */
  private wakeIdleWorker(name: string): void {
    const idle = (this.workers.get(name) ?? []).filter((worker) => worker.running === 0);
    const worker = idle[this.wakeCount++ % Math.max(idle.length, 1)];
    if (worker?.id) this.boss.notifyWorker(worker.id);
  }

  /** Keeps `work` in `pending` until it settles; returns it. */
  private track<T>(work: Promise<T>, pending: Set<Promise<unknown>> = this.statements): Promise<T> {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => undefined);
    return work;
  }

  private async handle(name: string, id: string, retryCount: number, data: unknown): Promise<void> {
    const handler = this.handlers.get(name) as JobHandler<unknown>;
    const outcome = this.outcomes.get(name) ?? { completed: 0, failed: 0 };
    this.outcomes.set(name, outcome);
    try {
      await handler(this.definition(name).schema.parse(data), { id, retryCount });
      outcome.completed += 1;
    } catch (error) {
      outcome.failed += 1;
      if (error instanceof DeadLetterError) {
        // Completes the job here; its copy in the dead-letter queue is what an operator sees.
        this.logger.warn(
          { err: error, job: name, jobId: id, retryCount },
          "A job was dead-lettered",
        );
        await this.boss.send(deadLetterQueue(name), { ...(data as object), failedJobId: id });
        return;
      }
      this.logger.warn({ err: error, job: name, jobId: id, retryCount }, "A job failed");
      throw error;
    }
  }

  private schemaName(): string {
    return this.options.schema ?? "pgboss";
  }

  /** `name`, checked against the union. @throws Error for a name outside it. */
  private definitionName(name: string): string {
    this.definition(name);
    return name;
  }

  /** @throws Error for a name outside the union (only reachable by a cast). */
  private definition(name: string): JobDefinition {
    const definition = this.definitions[name];
    if (!definition) {
      throw new Error(`Unknown job "${name}"`);
    }
    return definition;
  }

  /**
   * Creates queue `name`, or brings an existing one's options (policy, retries, expiry, dead
   * letter) to `queue`: pg-boss takes a new job's retry delay and expiry from the stored queue,
   * so a changed setting (e.g. FULFILMENT_RETRY_DELAY_SECONDS) must reach it on a database that
   * already has the queue. `queue` names every option (`updateQueue` reads a missing policy as
   * `standard`).
   */
  private async ensureQueue(name: string, queue: PgBoss.Queue): Promise<void> {
    if (!(await this.boss.getQueue(name))) {
      await this.boss.createQueue(name, queue);
    } else {
      await this.boss.updateQueue(name, queue);
    }
  }
}
