import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { SandboxServices } from "../../server/sandbox-services.js";
import { malformedQuery } from "../soql/query-errors.js";
import { runQuery } from "../soql/run-query.js";
import { parseVersion } from "./api-versions.js";

const versionParamsSchema = z.object({ version: z.string() });
const queryStringSchema = z.object({ q: z.string().optional() });

/** Daily API request allowance the sandbox reports (an Enterprise org's order of magnitude). */
const DAILY_API_REQUESTS = 100_000;

/**
 * Version-level resources: the resource list (`/services/data/vXX.X/`), `limits` and `query`.
 * Source: Salesforce REST API Developer Guide, "Resources by Version", "Limits", "Query".
 */
export function registerResourceRoutes(app: FastifyInstance, services: SandboxServices): void {
  app.get("/services/data/:version", async (request) => {
    const version = parseVersion(versionParamsSchema.parse(request.params).version);
    const base = `/services/data/v${version}`;
    return { limits: `${base}/limits`, query: `${base}/query`, sobjects: `${base}/sobjects` };
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
    };
  });

  app.get("/services/data/:version/query", async (request) => {
    const version = parseVersion(versionParamsSchema.parse(request.params).version);
    const { q } = queryStringSchema.parse(request.query);
    if (q === undefined || q.trim() === "")
      throw malformedQuery("A query string has to be specified");
    return runQuery(q, services.records, version);
  });
}
