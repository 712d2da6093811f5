"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchVpnCatalog } from "@/features/catalog/api/catalog-api";
import { catalogKeys } from "@/features/catalog/api/catalog-keys";

/** The VPN catalog (`GET /api/catalog/vpn`). */
export function useVpnCatalog() {
  return useQuery({
    queryKey: catalogKeys.category("vpn"),
    queryFn: ({ signal }) => fetchVpnCatalog(signal),
  });
}
