import {
  internetCatalogSchema,
  simCatalogSchema,
  vpnCatalogSchema,
  type InternetCatalog,
  type SimCatalog,
  type VpnCatalog,
} from "@portal/domain";
import { apiRequest } from "@/lib/api/client";

/**
 * `GET /api/catalog/internet`: fibre plans grouped by offering type, with fees and add-ons.
 * @throws ApiClientError `UNAUTHENTICATED`, `UPSTREAM_UNAVAILABLE` / `UPSTREAM_ERROR`.
 */
export function fetchInternetCatalog(signal?: AbortSignal): Promise<InternetCatalog> {
  return apiRequest("/catalog/internet", { schema: internetCatalogSchema, signal });
}

/**
 * `GET /api/catalog/sim`: SIM plans, SIM-type fees, voice options and add-ons.
 * @throws ApiClientError `UNAUTHENTICATED`, `UPSTREAM_UNAVAILABLE` / `UPSTREAM_ERROR`.
 */
export function fetchSimCatalog(signal?: AbortSignal): Promise<SimCatalog> {
  return apiRequest("/catalog/sim", { schema: simCatalogSchema, signal });
}

/**
 * `GET /api/catalog/vpn`: VPN router plans, fees and add-ons.
 * @throws ApiClientError `UNAUTHENTICATED`, `UPSTREAM_UNAVAILABLE` / `UPSTREAM_ERROR`.
 */
export function fetchVpnCatalog(signal?: AbortSignal): Promise<VpnCatalog> {
  return apiRequest("/catalog/vpn", { schema: vpnCatalogSchema, signal });
}
