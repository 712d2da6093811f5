import { type FastifyInstance } from "fastify";
import { routeKey } from "./api-route.js";

/** A route as Fastify registered it: method and full path (`GET /api/invoices/:id`). */
export interface RegisteredRoute {
  method: string;
  path: string;
}

const inventories = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/**
 * Starts recording every route registered on `fastify` from now on (Fastify `onRoute` hook),
 * Nest's controllers included; HEAD routes Fastify adds beside each GET are left out. Call before
 * the application is initialised; read with {@link registeredRoutes}.
 */
export function recordRoutes(fastify: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  inventories.set(fastify, routes);
  fastify.addHook("onRoute", (options) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    for (const method of methods) {
      if (method !== "HEAD") {
        routes.push({ method, path: options.url });
      }
    }
  });
}

/**
 * The routes registered on `fastify` since {@link recordRoutes}, as `METHOD path` keys.
 * @throws Error when the routes of `fastify` were not recorded.
 */
export function registeredRoutes(fastify: FastifyInstance): string[] {
  const routes = inventories.get(fastify);
  if (!routes) {
    throw new Error("recordRoutes() was not called on this Fastify instance");
  }
  return routes.map((route) => routeKey(route.method, route.path));
}
