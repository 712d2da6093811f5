import { internetCatalogSchema, simCatalogSchema, vpnCatalogSchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["catalog"];
const cacheNote =
  "From the Salesforce portal price book, cached for everyone until a product or price change is reported (`CatalogChanged`), at most 15 minutes. Prices are integer yen, tax-inclusive (rounded down) and tax-exclusive (decision 0051).";

/** `/api/catalog/*` as `CatalogController` serves it (docs/api.md "Routes"). */
export const catalogRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/catalog/internet",
    operationId: "getInternetCatalog",
    summary: "Fibre plans by offering type, with fees and add-ons",
    description: `Each group is one offering type (the value eligibility names); each plan carries it too. ${cacheNote}`,
    tags,
    access: "session",
    responses: { 200: internetCatalogSchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "GET",
    path: "/api/catalog/sim",
    operationId: "getSimCatalog",
    summary: "SIM plans with SIM-type fees, voice options and add-ons",
    description: cacheNote,
    tags,
    access: "session",
    responses: { 200: simCatalogSchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
  apiRoute({
    method: "GET",
    path: "/api/catalog/vpn",
    operationId: "getVpnCatalog",
    summary: "VPN router plans with fees and add-ons",
    description: cacheNote,
    tags,
    access: "session",
    responses: { 200: vpnCatalogSchema },
    errors: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
  }),
];
