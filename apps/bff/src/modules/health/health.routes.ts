import { healthReportSchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

/** `GET /api/health` as `HealthController` serves it. */
export const healthRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Reachability of the database, cache, WHMCS and Salesforce",
    description:
      "200 when ok or degraded (an upstream system is down), 503 when the database is down.",
    tags: ["health"],
    access: "public",
    responses: { 200: healthReportSchema, 503: healthReportSchema },
    errors: [],
  }),
];
