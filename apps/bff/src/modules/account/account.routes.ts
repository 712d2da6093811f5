import { customerProfileSchema, dashboardSummarySchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["account"];

/** `/api/me*` as `AccountController` serves it (docs/api.md "Routes"). */
export const accountRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/me",
    operationId: "getProfile",
    summary: "The signed-in customer's profile",
    tags,
    access: "session",
    responses: { 200: customerProfileSchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
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
