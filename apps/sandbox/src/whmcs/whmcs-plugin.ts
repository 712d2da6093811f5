import type { FastifyInstance } from "fastify";
import type { StandInRoutesOptions } from "../stand-ins/stand-in.js";
import { registerApiRoute } from "./api/api-route.js";
import { registerClientAreaRoutes } from "./client-area/client-area-routes.js";

/**
 * The WHMCS stand-in's routes, relative to a WHMCS installation root (`/whmcs` on the shared
 * server, `/` on its own port): the External API and the client area pages.
 * Source: docs/decisions/0019-sandbox-structure.md.
 */
export async function whmcsPlugin(
  app: FastifyInstance,
  options: StandInRoutesOptions,
): Promise<void> {
  registerApiRoute(app, options.services, options.baseUrl);
  registerClientAreaRoutes(app, options.services, options.basePath);
}
