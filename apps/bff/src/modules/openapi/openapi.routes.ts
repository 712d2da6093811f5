import { z } from "zod";
import { type ApiRoute, apiRoute } from "./api-route.js";

/** Path of the OpenAPI document. */
export const OPENAPI_DOCUMENT_PATH = "/api/openapi.json";

/** The document's own route (the reference page `/api/docs` and its assets are not API routes). */
export const openApiRoutes: readonly ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: OPENAPI_DOCUMENT_PATH,
    operationId: "getOpenApiDocument",
    summary: "This document (OpenAPI 3.1)",
    description: "Generated from the route declarations and the `@portal/domain` schemas.",
    tags: ["meta"],
    access: "public",
    responses: { 200: z.record(z.string(), z.unknown()) },
    errors: [],
  }),
];
