import { dashboardSummarySchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["dashboard"];

/** `GET /api/me/summary` as `DashboardController` serves it (docs/api.md "Routes"). */
export const dashboardRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/me/summary",
    operationId: "getDashboardSummary",
    summary: "The dashboard summary",
    description: "What the customer owes and their latest invoices.",
    tags,
    access: "session",
    responses: { 200: dashboardSummarySchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
];
