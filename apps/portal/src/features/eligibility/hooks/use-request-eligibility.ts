"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requestEligibility } from "@/features/eligibility/api/eligibility-api";
import { eligibilityKeys } from "@/features/eligibility/api/eligibility-keys";

/** Asks for an eligibility check; the answer (`pending`) becomes the cached eligibility. */
export function useRequestEligibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestEligibility,
    onSuccess: (eligibility) => {
      queryClient.setQueryData(eligibilityKeys.current(), eligibility);
    },
  });
}
