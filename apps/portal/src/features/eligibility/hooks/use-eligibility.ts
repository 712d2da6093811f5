"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchEligibility } from "@/features/eligibility/api/eligibility-api";
import { eligibilityKeys } from "@/features/eligibility/api/eligibility-keys";

/** The customer's internet eligibility (`GET /api/eligibility`). */
export function useEligibility() {
  return useQuery({
    queryKey: eligibilityKeys.current(),
    queryFn: ({ signal }) => fetchEligibility(signal),
  });
}
