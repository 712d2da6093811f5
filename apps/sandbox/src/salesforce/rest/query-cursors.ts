import { randomBytes } from "node:crypto";
import type { raw } from "@portal/salesforce";
import { SalesforceApiError } from "../salesforce-error.js";
import { idSuffix } from "../model/record-id.js";
import type { QueryRecord } from "../soql/run-query.js";

/** Rows per batch unless `Sforce-Query-Options: batchSize=` asks otherwise, and its bounds. */
export const DEFAULT_BATCH_SIZE = 2000;
const MIN_BATCH_SIZE = 200;
const MAX_BATCH_SIZE = 2000;

/** Open cursors kept at once; the oldest is dropped beyond this (Salesforce: 10 per user). */
const MAX_OPEN_CURSORS = 10;

/** One batch of a query answer, as the query resources return it. */
export type QueryBatch = raw.RawQueryResult<QueryRecord>;

interface Cursor {
  readonly records: readonly QueryRecord[];
  readonly totalSize: number;
  readonly batchSize: number;
}

/**
 * The batch size a `Sforce-Query-Options` header asks for: `batchSize=N` clamped to 200…2000
 * (Salesforce treats it as a hint within those bounds); the default otherwise.
 * Source: REST API Developer Guide, "Query Options Header".
 */
export function batchSizeOf(header: string | string[] | undefined): number {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  const match = /(?:^|[,;\s])batchSize\s*=\s*(\d+)/i.exec(text);
  if (!match) return DEFAULT_BATCH_SIZE;
  return Math.min(MAX_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, Number(match[1])));
}

/**
 * Query cursors ("query locators") of answers larger than one batch. The first batch goes back
 * with `done: false` and `nextRecordsUrl` = `/services/data/vXX.X/<query|queryAll>/<locator>-<n>`
 * where `n` is the number of rows already returned; each further batch is read from there. In
 * memory only: a restart invalidates every locator, as cursors expire on Salesforce too.
 * Source: REST API Developer Guide, "Execute a SOQL Query" ("Retrieving the Remaining SOQL
 * Query Results"), "QueryAll"; vendor-facts §3.6.
 */
export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>();
  private sequence = 0;

  /**
   * The first batch of `records`; opens a cursor when they do not fit in one.
   * `resource` is `query` or `queryAll`, `apiVersion` e.g. `"62.0"`.
   */
  firstBatch(
    records: readonly QueryRecord[],
    totalSize: number,
    batchSize: number,
    resource: "query" | "queryAll",
    apiVersion: string,
  ): QueryBatch {
    if (records.length <= batchSize) return { totalSize, done: true, records: [...records] };
    const locator = this.newLocator();
    this.cursors.set(locator, { records, totalSize, batchSize });
    while (this.cursors.size > MAX_OPEN_CURSORS) {
      const oldest = this.cursors.keys().next().value;
      if (oldest === undefined) break;
      this.cursors.delete(oldest);
    }
    return this.batchAt(locator, 0, resource, apiVersion);
  }

  /**
   * The batch at `<locator>-<offset>` (the last path segment of a `nextRecordsUrl`).
   * @throws SalesforceApiError 400 `INVALID_QUERY_LOCATOR` for an unknown, expired or
   *   malformed locator.
   */
  nextBatch(segment: string, resource: "query" | "queryAll", apiVersion: string): QueryBatch {
    const match = /^(01g[A-Za-z0-9]{15})-(\d+)$/.exec(segment);
    const locator = match?.[1];
    const offset = Number(match?.[2]);
    const cursor = locator === undefined ? undefined : this.cursors.get(locator);
    if (locator === undefined || !cursor || offset > cursor.records.length) {
      throw new SalesforceApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    return this.batchAt(locator, offset, resource, apiVersion);
  }

  private batchAt(
    locator: string,
    offset: number,
    resource: "query" | "queryAll",
    apiVersion: string,
  ): QueryBatch {
    const cursor = this.cursors.get(locator);
    if (!cursor)
      throw new SalesforceApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    const end = offset + cursor.batchSize;
    const records = cursor.records.slice(offset, end);
    if (end >= cursor.records.length) {
      return { totalSize: cursor.totalSize, done: true, records };
    }
    return {
      totalSize: cursor.totalSize,
      done: false,
      nextRecordsUrl: `/services/data/v${apiVersion}/${resource}/${locator}-${end}`,
      records,
    };
  }

  /** A fresh 18-character id with the query locator key prefix `01g`. */
  private newLocator(): string {
    this.sequence += 1;
    const random = randomBytes(9)
      .toString("base64")
      .replace(/[^A-Za-z0-9]/g, "0")
      .slice(0, 8);
    const head = `01g${String(this.sequence).padStart(4, "0")}${random}`.slice(0, 15);
    return head + idSuffix(head);
  }
}
