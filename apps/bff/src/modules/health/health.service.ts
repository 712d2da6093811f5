import { Inject, Injectable, Logger } from "@nestjs/common";
import { type HealthReport } from "@portal/domain";
import { UpstreamError } from "@portal/integration-core";
import { SalesforceClient } from "@portal/salesforce";
import { WhmcsClient } from "@portal/whmcs";
import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { CacheService } from "../cache/cache.service.js";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../database/database.js";

/** Longest a single probe may take before it counts as down, in milliseconds. */
const PROBE_TIMEOUT_MS = 5000;

/**
 * How long an upstream probe's result (up or down) answers `GET /api/health`, in milliseconds.
 * The route is public: without this every request would cost one WHMCS and one Salesforce call,
 * so anyone could spend the upstream API budgets by polling it.
 */
const UPSTREAM_PROBE_TTL_MS = 15_000;

/**
 * How long a database or cache probe's result answers `GET /api/health`, in milliseconds: a
 * monitor polling once every few seconds still sees every outage, while a flood of requests (a
 * load balancer per replica, a misbehaving poller, anyone on the internet) costs at most one
 * `SELECT 1` and one cache round trip per second (decision 0047).
 */
const LOCAL_PROBE_TTL_MS = 1000;

type DependencyHealth = HealthReport["checks"]["database"];
type Upstream = "whmcs" | "salesforce";
type Local = "database" | "cache";

/**
 * Probes every dependency in parallel (`healthReportSchema` of `@portal/domain`): database
 * `SELECT 1` and a cache write/read/delete at most once per second, WHMCS and Salesforce pings at
 * most once per 15 s per process (concurrent requests share one probe; results, down ones
 * included, are reused until they expire), each timed in ms. Status `down` only when the database is down
 * (nothing works without it); an upstream or cache outage is `degraded` (the portal still serves
 * what it can). Nothing internal (cache counters, upstream messages) goes into the public report.
 */
@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  /** lru-cache `fetch` coalesces concurrent misses of a key into one `fetchMethod` call. */
  private readonly upstreamProbes = new LRUCache<Upstream, DependencyHealth>({
    max: 2,
    ttl: UPSTREAM_PROBE_TTL_MS,
    fetchMethod: (name) =>
      this.probe(name, () =>
        name === "whmcs" ? this.whmcs.system.ping() : this.salesforce.system.ping(),
      ),
  });

  private readonly localProbes = new LRUCache<Local, DependencyHealth>({
    max: 2,
    ttl: LOCAL_PROBE_TTL_MS,
    fetchMethod: (name) =>
      name === "database"
        ? this.probe("database", async () => {
            await this.database.db.execute(sql`SELECT 1`);
            return this.database.engine;
          })
        : this.probe("cache", async () => {
            if (!(await this.cache.roundTrip())) {
              throw new Error("the value read back differs from the one written");
            }
          }),
  });

  constructor(
    @Inject(DATABASE_CONNECTION) private readonly database: DatabaseConnection,
    private readonly cache: CacheService,
    private readonly whmcs: WhmcsClient,
    private readonly salesforce: SalesforceClient,
  ) {}

  async report(): Promise<HealthReport> {
    const [database, cache, whmcs, salesforce] = await Promise.all([
      this.latest(this.localProbes, "database"),
      this.latest(this.localProbes, "cache"),
      this.latest(this.upstreamProbes, "whmcs"),
      this.latest(this.upstreamProbes, "salesforce"),
    ]);
    this.logger.debug({ cache: this.cache.stats() }, "Cache counters");
    const status =
      database.status === "down"
        ? "down"
        : [cache, whmcs, salesforce].some((check) => check.status === "down")
          ? "degraded"
          : "ok";
    return { status, checks: { database, cache, whmcs, salesforce } };
  }

  /** The latest probe of `name` still within its time to live, or a fresh one. */
  private async latest<K extends Local | Upstream>(
    probes: LRUCache<K, DependencyHealth>,
    name: K,
  ): Promise<DependencyHealth> {
    const cached = await probes.fetch(name);
    // `fetch` answers undefined only when the fetch was aborted, which nothing here does.
    return cached ?? { status: "down", latencyMs: 0, detail: "unreachable" };
  }

  /** Runs `check` with a time limit; `detail` is what it returns (up) or a short reason (down). */
  private async probe(
    name: string,
    check: () => Promise<string | void>,
  ): Promise<DependencyHealth> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
        PROBE_TIMEOUT_MS,
      );
    });
    try {
      const detail = await Promise.race([check(), timeout]);
      return { status: "up", latencyMs: elapsed(started), ...(detail ? { detail } : {}) };
    } catch (error) {
      this.logger.warn({ err: error, dependency: name }, "Health probe failed");
      return { status: "down", latencyMs: elapsed(started), detail: reason(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

/** A reason fit for a public health page: the failure class, never upstream text or credentials. */
function reason(error: unknown): string {
  if (error instanceof UpstreamError) {
    return `${error.name}: ${error.kind}`;
  }
  return error instanceof Error && error.message.startsWith("no answer within")
    ? error.message
    : "unreachable";
}
