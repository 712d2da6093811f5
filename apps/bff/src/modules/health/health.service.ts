import { Inject, Injectable, Logger } from "@nestjs/common";
import { type HealthReport } from "@portal/domain";
import { SalesforceClient, SalesforceError } from "@portal/salesforce";
import { WhmcsClient, WhmcsError } from "@portal/whmcs";
import { sql } from "drizzle-orm";
import { CacheService } from "../cache/cache.service.js";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../database/database.js";

/** Longest a single probe may take before it counts as down, in milliseconds. */
const PROBE_TIMEOUT_MS = 5000;

type DependencyHealth = HealthReport["checks"]["database"];

/**
 * Probes every dependency in parallel (`healthReportSchema` of `@portal/domain`): database
 * `SELECT 1`, a cache write/read/delete, WHMCS and Salesforce pings, each timed in ms. Status
 * `down` only when the database is down (nothing works without it); an upstream or cache outage
 * is `degraded` (the portal still serves what it can).
 */
@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(
    @Inject(DATABASE_CONNECTION) private readonly database: DatabaseConnection,
    private readonly cache: CacheService,
    private readonly whmcs: WhmcsClient,
    private readonly salesforce: SalesforceClient,
  ) {}

  async report(): Promise<HealthReport> {
    const [database, cache, whmcs, salesforce] = await Promise.all([
      this.probe("database", async () => {
        await this.database.db.execute(sql`SELECT 1`);
        return this.database.engine;
      }),
      this.probe("cache", async () => {
        if (!(await this.cache.roundTrip())) {
          throw new Error("the value read back differs from the one written");
        }
        const stats = this.cache.stats();
        return `hits=${stats.hits} misses=${stats.misses} invalidations=${stats.invalidations} storeErrors=${stats.storeErrors}`;
      }),
      this.probe("whmcs", () => this.whmcs.ping()),
      this.probe("salesforce", () => this.salesforce.ping()),
    ]);
    const status =
      database.status === "down"
        ? "down"
        : [cache, whmcs, salesforce].some((check) => check.status === "down")
          ? "degraded"
          : "ok";
    return { status, checks: { database, cache, whmcs, salesforce } };
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
  if (error instanceof WhmcsError || error instanceof SalesforceError) {
    return `${error.name}: ${error.kind}`;
  }
  return error instanceof Error && error.message.startsWith("no answer within")
    ? error.message
    : "unreachable";
}
