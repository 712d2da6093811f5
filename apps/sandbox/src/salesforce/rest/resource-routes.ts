import type { raw } from "@portal/salesforce";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { SandboxServices } from "../../server/sandbox-services.js";
import { malformedQuery } from "../soql/query-errors.js";
import { runQuery } from "../soql/run-query.js";
import { parseVersion } from "./api-versions.js";
import { batchSizeOf, QueryCursors } from "./query-cursors.js";

const versionParamsSchema = z.object({ version: z.string() });
const locatorParamsSchema = z.object({ version: z.string(), locator: z.string() });
const queryStringSchema = z.object({ q: z.string().optional() });

/** Daily API request allowance the sandbox reports (an Enterprise org's order of magnitude). */
export const DAILY_API_REQUESTS = 100_000;

/**
 * Version-level resources: the resource list (`/services/data/vXX.X/`), `limits`, `query` and
 * `queryAll` (which also returns records in the Recycle Bin), answered in batches of 2,000 rows
 * or the `Sforce-Query-Options: batchSize=` asked for, with `nextRecordsUrl` leading to the
 * query locator resource (`query/<locator>-<n>`) for the rest; a query with OFFSET answers its
 * first batch only.
 * Source: Salesforce REST API Developer Guide, "Resources by Version", "Limits", "Query",
 * "QueryAll", "Query Options Header".
 */
export function registerResourceRoutes(app: FastifyInstance, services: SandboxServices): void {
  const cursors = new QueryCursors();
  for (const resource of ["query", "queryAll"] as const) {
    app.get(`/services/data/:version/${resource}`, async (request) => {
      const version = parseVersion(versionParamsSchema.parse(request.params).version);
      const { q } = queryStringSchema.parse(request.query);
      if (q === undefined || q.trim() === "")
        throw malformedQuery("A query string has to be specified");
      const result = runQuery(q, services.records, version, {
        includeDeleted: resource === "queryAll",
        now: services.clock(),
      });
      const batchSize = batchSizeOf(request.headers["sforce-query-options"]);
      // A query with OFFSET has no cursor: only its first batch is returned (SOQL reference, "OFFSET").
      if (result.offset) {
        return {
          totalSize: result.totalSize,
          done: true,
          records: result.records.slice(0, batchSize),
        };
      }
      return cursors.firstBatch(result.records, result.totalSize, batchSize, resource, version);
    });
    app.get(`/services/data/:version/${resource}/:locator`, async (request) => {
      const params = locatorParamsSchema.parse(request.params);
      return cursors.nextBatch(params.locator, resource, parseVersion(params.version));
    });
  }

  app.get("/services/data/:version", async (request) => {
    const version = parseVersion(versionParamsSchema.parse(request.params).version);
    const base = `/services/data/v${version}`;
    return {
      limits: `${base}/limits`,
      query: `${base}/query`,
      queryAll: `${base}/queryAll`,
      sobjects: `${base}/sobjects`,
    };
  });

  app.get("/services/data/:version/limits", async (request) => {
    parseVersion(versionParamsSchema.parse(request.params).version);
    const used = services.calls.total("salesforce");
    return {
      DailyApiRequests: {
        Max: DAILY_API_REQUESTS,
        Remaining: Math.max(0, DAILY_API_REQUESTS - used),
      },
      DailyBulkApiBatches: { Max: 15_000, Remaining: 15_000 },
      DataStorageMB: { Max: 1024, Remaining: 1023 },
      FileStorageMB: { Max: 10_240, Remaining: 10_240 },
    } satisfies raw.RawLimits & Record<string, { Max: number; Remaining: number }>;
  });
}
