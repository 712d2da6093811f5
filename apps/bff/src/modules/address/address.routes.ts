import { postcodeLookupQuerySchema, postcodeLookupResultSchema } from "@portal/domain";
import { type ApiRoute, apiRoute } from "../openapi/api-route.js";

const tags = ["address"];

/** `/api/address/*` as `AddressController` serves it (docs/api.md "Routes"). */
export const addressRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/api/address/lookup",
    operationId: "lookupPostcode",
    summary: "The addresses of a Japanese postcode",
    description:
      "From Japan Post's data bundled with the BFF (no upstream call). Full-width digits and any dash accepted; 404 when the postcode is unknown.",
    tags,
    access: "public",
    request: { query: postcodeLookupQuerySchema },
    responses: { 200: postcodeLookupResultSchema },
    errors: ["NOT_FOUND"],
  }),
];
