import { Injectable, Logger } from "@nestjs/common";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** One scrape reads the job queue once for its three metrics (they collect one after another). */
const JOB_QUEUE_SNAPSHOT_MS = 1000;

/** Latency buckets in seconds, from a cache hit (ms) to the upstream time budget (10 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What a cache read or write did (DESIGN.md §5 "Hit/miss/invalidation counters are exported"). */
export type CacheEvent = "hit" | "miss" | "invalidation";

/**
 * One finished call to an upstream system, as the integration clients' `UpstreamObserver`
 * reports it (`UpstreamCallRecord` of `@portal/integration-core`). `outcome` is `ok` or the kind
 * of upstream error (`unavailable`, `rejected`, `malformed`, `auth`), never an upstream message;
 * `operation` is the vendor action or client operation — never an id.
 */
export interface UpstreamCall {
  system: string;
  operation: string;
  outcome: string;
  durationMs: number;
}

/** What the job queue knows of one job name (the shape of `JobQueue.counts()` per name). */
export interface JobCounts {
  /** Jobs waiting: created or due for a retry. */
  waiting: number;
  /** Jobs in the name's dead-letter queue. */
  deadLettered: number;
  /** Attempts this process completed since it started. */
  completed: number;
  /** Attempts that failed in this process since it started (each retry counts). */
  failed: number;
}

/** Reads the counts of every job name, e.g. `() => jobQueue.counts()`. */
export type JobCountsReader = () => Promise<Record<string, JobCounts>>;

/**
 * The BFF's Prometheus metrics (prom-client), on a registry of its own per application (so
 * several apps in one process — the tests — never share counters). Every metric and label is in
 * docs/operations/metrics.md. Labels carry route templates, system and operation names and queue
 * names only — never an id, a URL or a customer value — so their number stays bounded.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);

  private readonly httpRequests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by method, route template and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [this.registry],
  });

  private readonly httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from receiving a request to sending its answer, by method, route template and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly upstreamRequests = new Counter({
    name: "upstream_requests_total",
    help: "Calls to WHMCS, Salesforce and Freebit, by system, operation and outcome",
    labelNames: ["system", "operation", "outcome"] as const,
    registers: [this.registry],
  });

  private readonly upstreamDuration = new Histogram({
    name: "upstream_request_duration_seconds",
    help: "Duration of upstream calls, by system, operation and outcome",
    labelNames: ["system", "operation", "outcome"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly cacheEvents = {
    hit: new Counter({
      name: "cache_hits_total",
      help: "Cache reads answered from the cache, by namespace",
      labelNames: ["namespace"] as const,
      registers: [this.registry],
    }),
    miss: new Counter({
      name: "cache_misses_total",
      help: "Cache reads that loaded from upstream, by namespace",
      labelNames: ["namespace"] as const,
      registers: [this.registry],
    }),
    invalidation: new Counter({
      name: "cache_invalidations_total",
      help: "Cache invalidations (one per key or prefix dropped), by namespace",
      labelNames: ["namespace"] as const,
      registers: [this.registry],
    }),
  } satisfies Record<CacheEvent, Counter<"namespace">>;

  private readonly jobQueueReaders: JobCountsReader[] = [];
  private jobQueueSnapshot: { takenAt: number; queues: Promise<[string, JobCounts][]> } | undefined;

  private readonly queueDepth = new Gauge({
    name: "queue_depth",
    help: "Jobs waiting (created or retrying) in each queue, read at scrape time",
    labelNames: ["queue"] as const,
    registers: [this.registry],
    collect: async () => {
      for (const [queue, counts] of await this.readJobQueues()) {
        this.queueDepth.set({ queue }, counts.waiting);
      }
    },
  });

  private readonly deadLetters = new Gauge({
    name: "queue_dead_letters",
    help: "Jobs in each queue's dead-letter queue, read at scrape time",
    labelNames: ["queue"] as const,
    registers: [this.registry],
    collect: async () => {
      for (const [queue, counts] of await this.readJobQueues()) {
        this.deadLetters.set({ queue }, counts.deadLettered);
      }
    },
  });

  private readonly jobs = new Counter({
    name: "jobs_total",
    help: "Job attempts finished by this process, by queue and outcome (completed, failed)",
    labelNames: ["queue", "outcome"] as const,
    registers: [this.registry],
    // The queue keeps the running totals; each scrape copies them (they only grow in a process).
    collect: async () => {
      const queues = await this.readJobQueues();
      this.jobs.reset();
      for (const [queue, counts] of queues) {
        this.jobs.inc({ queue, outcome: "completed" }, counts.completed);
        this.jobs.inc({ queue, outcome: "failed" }, counts.failed);
      }
    },
  });

  /**
   * `process.memoryUsage().arrayBuffers`, which prom-client's default metrics leave out: the
   * part of `nodejs_external_memory_bytes` held by Buffers and ArrayBuffers (socket reads, log
   * buffers, WebAssembly memories), the first place to look when external memory grows.
   */
  private readonly arrayBuffers = new Gauge({
    name: "nodejs_array_buffers_bytes",
    help: "Memory allocated for ArrayBuffers and Buffers in bytes, part of nodejs_external_memory_bytes",
    registers: [this.registry],
    collect: () => {
      this.arrayBuffers.set(process.memoryUsage().arrayBuffers);
    },
  });

  private readonly openStreams = new Gauge({
    name: "sse_streams_open",
    help: "Server-sent event streams this process holds open, by stream (order, account_orders)",
    labelNames: ["stream"] as const,
    registers: [this.registry],
  });

  /**
   * The integration clients' `UpstreamObserver` (`@portal/integration-core`): pass it as the
   * clients' `observer` and every upstream call lands in the `upstream_*` metrics.
   */
  readonly upstreamObserver = {
    callFinished: (call: UpstreamCall): void => this.observeUpstreamCall(call),
  };

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one answered request; `route` is the matched template (`/api/invoices/:id`). */
  observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  /** Counts one upstream call and its duration (the integration clients' `UpstreamObserver`). */
  observeUpstreamCall(call: UpstreamCall): void {
    const labels = { system: call.system, operation: call.operation, outcome: call.outcome };
    this.upstreamRequests.inc(labels);
    this.upstreamDuration.observe(labels, call.durationMs / 1000);
  }

  /** Counts a cache hit, miss or invalidation in `namespace` (`invoices`, `billing-profile`, …). */
  countCacheEvent(namespace: string, event: CacheEvent): void {
    this.cacheEvents[event].inc({ namespace });
  }

  /** One more (`delta` 1) or one fewer (-1) open server-sent event stream of kind `stream`. */
  countOpenStream(stream: string, delta: 1 | -1): void {
    this.openStreams.inc({ stream }, delta);
  }

  /**
   * Reads the job queue's counts at every scrape (`JobQueue.counts()`): `queue_depth`,
   * `queue_dead_letters` and `jobs_total` per job name.
   */
  watchJobQueue(read: JobCountsReader): void {
    this.jobQueueReaders.push(read);
  }

  /** The Prometheus text exposition of every metric, and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /**
   * The counts of every watched queue, read at most once a second. A reader that fails (database
   * down) is left out of this scrape rather than failing the whole scrape.
   */
  private readJobQueues(): Promise<[string, JobCounts][]> {
    const now = Date.now();
    if (!this.jobQueueSnapshot || now - this.jobQueueSnapshot.takenAt >= JOB_QUEUE_SNAPSHOT_MS) {
      const queues = Promise.all(
        this.jobQueueReaders.map((read) =>
          read().catch((error: unknown) => {
            this.logger.warn({ err: error }, "Could not read the job queue for the metrics");
            return {};
          }),
        ),
      ).then((snapshots) => snapshots.flatMap((snapshot) => Object.entries(snapshot)));
      this.jobQueueSnapshot = { takenAt: now, queues };
    }
    return this.jobQueueSnapshot.queues;
  }
}
