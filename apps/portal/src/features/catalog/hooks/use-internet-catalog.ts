"use client";

import { type InternetOfferingType } from "@portal/domain";
import { useQuery } from "@tanstack/react-query";
import { fetchInternetCatalog } from "@/features/catalog/api/catalog-api";
import { catalogKeys } from "@/features/catalog/api/catalog-keys";

/**
 * The fibre catalog (`GET /api/catalog/internet`), which the BFF narrows to the offering type the
 * customer's address is eligible for: `eligibleFor` is that offering type as last read (null: not
 * eligible yet), so the plans are read again when the answer changes. Not read while `enabled` is
 * false (the eligibility is still loading).
 */
export function useInternetCatalog(eligibleFor: InternetOfferingType | null, enabled = true) {
  return useQuery({
    queryKey: catalogKeys.internet(eligibleFor),
    queryFn: ({ signal }) => fetchInternetCatalog(signal),
    enabled,
  });
}
