"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchSimCatalog } from "@/features/catalog/api/catalog-api";
import { catalogKeys } from "@/features/catalog/api/catalog-keys";

/** The SIM catalog (`GET /api/catalog/sim`). */
export function useSimCatalog() {
  return useQuery({
    queryKey: catalogKeys.category("sim"),
    queryFn: ({ signal }) => fetchSimCatalog(signal),
  });
}
