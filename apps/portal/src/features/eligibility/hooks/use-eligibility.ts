"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchEligibility } from "@/features/eligibility/api/eligibility-api";
import { eligibilityKeys } from "@/features/eligibility/api/eligibility-keys";

/** How often a pending check is read again while the page is open (the BFF caches 60 s). */
const PENDING_REFETCH_MS = 60_000;

/**
 * The customer's internet eligibility (`GET /api/eligibility`); while staff are checking
 * (`pending`) it is read again every minute, so their answer appears without a reload.
 */
export function useEligibility() {
  return useQuery({
    queryKey: eligibilityKeys.current(),
    queryFn: ({ signal }) => fetchEligibility(signal),
    refetchInterval: (query) =>
      query.state.data?.status === "pending" ? PENDING_REFETCH_MS : false,
  });
}
