import { UPSTREAM_SYSTEMS, type UpstreamSystem } from "../stand-ins/upstream-system.js";

export type { UpstreamSystem } from "../stand-ins/upstream-system.js";

/**
 * Counts of calls received per stand-in: WHMCS by action name (`GetInvoices`), Salesforce by
 * method and path template (`GET /services/data/:version/query`,
 * `PATCH /services/data/:version/sobjects/Account/:id`). Every call counts, including those
 * answered by a fault or rejected for bad credentials. Source: wiring.md "Control API".
 */
export type CallCounts = Record<UpstreamSystem, Record<string, number>>;

function emptyCounts(): CallCounts {
  return Object.fromEntries(UPSTREAM_SYSTEMS.map((system) => [system, {}])) as CallCounts;
}

/** One call in the order received: its stand-in and its key as {@link CallCounts} names it. */
export interface LoggedCall {
  readonly system: UpstreamSystem;
  readonly call: string;
}

/** How many calls the log keeps (the oldest go first). */
const LOG_LIMIT = 10_000;

/**
 * In-memory call counters of every stand-in, exposed by `GET /__control/calls` and
 * `Sandbox.calls()`, and the last calls in the order received (`GET /__control/calls/log`: which
 * calls a flow makes, in sequence — the kill tests pick their kill points from it).
 */
export class CallCounter {
  private counts: CallCounts = emptyCounts();
  private calls: LoggedCall[] = [];

  record(system: UpstreamSystem, key: string): void {
    const counts = this.counts[system];
    counts[key] = (counts[key] ?? 0) + 1;
    this.calls.push({ system, call: key });
    if (this.calls.length > LOG_LIMIT) this.calls.splice(0, this.calls.length - LOG_LIMIT);
  }

  /** The last calls (at most 10,000) since the last reset, oldest first. */
  log(): LoggedCall[] {
    return [...this.calls];
  }

  /** A copy of the current counts. */
  snapshot(): CallCounts {
    return Object.fromEntries(
      UPSTREAM_SYSTEMS.map((system) => [system, { ...this.counts[system] }]),
    ) as CallCounts;
  }

  /** Total calls received by `system`. */
  total(system: UpstreamSystem): number {
    return Object.values(this.counts[system]).reduce((sum, count) => sum + count, 0);
  }

  reset(): void {
    this.counts = emptyCounts();
    this.calls = [];
  }
}
