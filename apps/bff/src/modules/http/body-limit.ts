import { RouteConfig } from "@nestjs/platform-fastify";
import { type onRouteHookHandler } from "fastify";

/** Largest request body of a route without its own limit (docs/api.md: over 64 KiB → 413). */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/** Where {@link BodyLimit} leaves its value in the Fastify route's `config`. */
const CONFIG_KEY = "bodyLimit";

/**
 * Handler decorator: the largest body (bytes) this route accepts, below the default
 * {@link DEFAULT_BODY_LIMIT_BYTES} every route has anyway. Larger bodies are refused by Fastify
 * while they arrive (413 PAYLOAD_TOO_LARGE), before parsing or any guard.
 */
export const BodyLimit = (bytes: number): MethodDecorator => RouteConfig({ [CONFIG_KEY]: bytes });

/**
 * Fastify `onRoute` hook: gives each route the limit of its {@link BodyLimit}, else the default
 * (Fastify applies a route's `bodyLimit` before any content-type parser's own).
 * Must be added before the routes are registered (before `app.init()`).
 */
export const applyBodyLimit: onRouteHookHandler = (route) => {
  const declared: unknown = route.config?.[CONFIG_KEY as keyof typeof route.config];
  route.bodyLimit = typeof declared === "number" ? declared : DEFAULT_BODY_LIMIT_BYTES;
};
