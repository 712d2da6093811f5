"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchDashboardSummary } from "@/features/account/api/account-api";
import { accountKeys } from "@/features/account/api/account-keys";

/** What the dashboard shows (`GET /api/me/summary`). */
export function useDashboardSummary() {
  return useQuery({
    queryKey: accountKeys.summary(),
    queryFn: ({ signal }) => fetchDashboardSummary(signal),
  });
}
