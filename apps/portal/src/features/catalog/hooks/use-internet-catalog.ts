"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchInternetCatalog } from "@/features/catalog/api/catalog-api";
import { catalogKeys } from "@/features/catalog/api/catalog-keys";

/** The fibre catalog (`GET /api/catalog/internet`). */
export function useInternetCatalog() {
  return useQuery({
    queryKey: catalogKeys.category("internet"),
    queryFn: ({ signal }) => fetchInternetCatalog(signal),
  });
}
