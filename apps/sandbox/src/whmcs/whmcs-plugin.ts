import type { FastifyInstance } from "fastify";
import type { SandboxServices } from "../server/sandbox-services.js";
import { registerApiRoute } from "./api/api-route.js";
import { registerClientAreaRoutes } from "./client-area/client-area-routes.js";

/**
 * The WHMCS stand-in, registered under `/whmcs` so `WHMCS_BASE_URL=<sandbox>/whmcs` looks like
 * a WHMCS installation root: the External API and the client area pages.
 * Source: docs/decisions/0002-one-sandbox-server.md.
 */
export async function whmcsPlugin(
  app: FastifyInstance,
  options: { services: SandboxServices },
): Promise<void> {
  registerApiRoute(app, options.services);
  registerClientAreaRoutes(app, options.services);
}
