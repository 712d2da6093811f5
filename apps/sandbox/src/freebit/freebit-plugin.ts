import type { FastifyInstance } from "fastify";
import type { StandInRoutesOptions } from "../stand-ins/stand-in.js";
import { registerFreebitApiRoute } from "./api/freebit-api-route.js";

/**
 * The Freebit stand-in's routes, relative to the API host (`/freebit` on the shared server, `/`
 * on its own port): the MVNO API under `/emptool/api`. Source: docs/decisions/0061.
 */
export async function freebitPlugin(
  app: FastifyInstance,
  options: StandInRoutesOptions,
): Promise<void> {
  registerFreebitApiRoute(app, options.services);
}
