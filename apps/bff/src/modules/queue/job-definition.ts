import { type z } from "zod";

/**
 * One kind of durable job: the schema of its payload and its queue's policy (pg-boss 10
 * `createQueue` options; vendor-facts §6.2). A job that fails `retryLimit + 1` times is copied into
 * the kind's dead-letter queue (`<name>.dead`), where an operator can inspect it.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /**
   * How pg-boss deduplicates jobs with the same `singletonKey`: `standard` (not at all), `short`
   * (one created), `singleton` (one active), `stately` (one per state up to active).
   */
  policy: "standard" | "short" | "singleton" | "stately";
  /** Validates the payload when it is sent and again when it is worked. */
  schema: S;
  /** When set, the job is also sent on this 5-field cron schedule (UTC) with `payload`. */
  cron?: { expression: string; payload: z.infer<S> };
  /** Retries after the first failure. */
  retryLimit: number;
  /** Seconds before the first retry; with `retryBackoff` each retry waits about twice as long. */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** Seconds a worker may hold a job before pg-boss fails it as expired (below 24 h). */
  expireInSeconds: number;
  /**
   * Jobs of this kind each process works at once (default 1): that many pg-boss workers, each
   * taking one job at a time (pg-boss 10 has no concurrency option of its own; its docs say to
   * call `work` several times). Jobs sharing a `singletonKey` under `singleton` or `stately`
   * still never run at once: pg-boss refuses a second active one (a unique index).
   */
  concurrency?: number;
}

/** Job name → definition: the typed union of jobs a {@link JobQueue} accepts. */
export type JobDefinitions = Record<string, JobDefinition>;

/** The payload type of job `N` of `D`. */
export type JobPayload<D extends JobDefinitions, N extends keyof D> = z.infer<D[N]["schema"]>;
