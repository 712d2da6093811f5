import {
  customerProfileSchema,
  dashboardSummarySchema,
  type CustomerProfile,
  type DashboardSummary,
} from "@portal/domain";
import { apiRequest } from "@/lib/api/client";

/**
 * `GET /api/me`: the signed-in customer (names, phone and address from WHMCS).
 * @throws ApiClientError `UNAUTHENTICATED` once the session cannot be refreshed; upstream errors.
 */
export function fetchProfile(signal?: AbortSignal): Promise<CustomerProfile> {
  return apiRequest("/me", { schema: customerProfileSchema, signal });
}

/**
 * `GET /api/me/summary`: unpaid and overdue invoice totals, the next payment due and whether a
 * payment method is saved.
 * @throws ApiClientError `UNAUTHENTICATED`; upstream errors (502/503).
 */
export function fetchDashboardSummary(signal?: AbortSignal): Promise<DashboardSummary> {
  return apiRequest("/me/summary", { schema: dashboardSummarySchema, signal });
}
