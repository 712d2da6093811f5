/** The systems the sandbox stands in for. */
export type UpstreamSystem = "whmcs" | "salesforce";

/**
 * Counts of calls received per system: WHMCS by action name (`GetInvoices`), Salesforce by
 * method and path template (`GET /services/data/:version/query`,
 * `PATCH /services/data/:version/sobjects/Account/:id`). Every call counts, including those
 * answered by a fault or rejected for bad credentials. Source: wiring.md "Control API".
 */
export interface CallCounts {
  whmcs: Record<string, number>;
  salesforce: Record<string, number>;
}

/** In-memory call counters, exposed by `GET /__control/calls` and `Sandbox.calls()`. */
export class CallCounter {
  private counts: CallCounts = { whmcs: {}, salesforce: {} };

  record(system: UpstreamSystem, key: string): void {
    const counts = this.counts[system];
    counts[key] = (counts[key] ?? 0) + 1;
  }

  /** A copy of the current counts. */
  snapshot(): CallCounts {
    return { whmcs: { ...this.counts.whmcs }, salesforce: { ...this.counts.salesforce } };
  }

  /** Total calls received by `system`. */
  total(system: UpstreamSystem): number {
    return Object.values(this.counts[system]).reduce((sum, count) => sum + count, 0);
  }

  reset(): void {
    this.counts = { whmcs: {}, salesforce: {} };
  }
}
