import { z } from "zod";

/** Reachability of one dependency as `GET /api/health` reports it; latency in milliseconds. */
export const dependencyHealthSchema = z.object({
  status: z.enum(["up", "down"]),
  latencyMs: z.number().min(0),
  detail: z.string().optional(),
});

/**
 * `GET /api/health`: `ok` when every dependency is up, `degraded` when an upstream system is
 * down (the portal still serves what it can), `down` when the database is down. HTTP 200 for
 * ok/degraded, 503 for down.
 */
export const healthReportSchema = z.object({
  status: z.enum(["ok", "degraded", "down"]),
  checks: z.object({
    database: dependencyHealthSchema,
    cache: dependencyHealthSchema,
    whmcs: dependencyHealthSchema,
    salesforce: dependencyHealthSchema,
  }),
});
export type HealthReport = z.infer<typeof healthReportSchema>;
