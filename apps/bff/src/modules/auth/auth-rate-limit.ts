import rateLimit from "@fastify/rate-limit";
import { type FastifyInstance } from "fastify";
import { type Redis } from "ioredis";
import { type AppConfig } from "../config/config.schema.js";
import { AppError } from "../http/app-error.js";

/** The routes the limit applies to (docs/architecture/wiring.md AUTH_RATE_LIMIT_PER_MINUTE). */
const LIMITED_PREFIX = "/api/auth/";

/** The route with a budget of its own: each request may send a mail (decision 0041). */
const FORGOT_PASSWORD_PATH = "/api/auth/password/forgot";

/**
 * Registers @fastify/rate-limit for `/api/auth/*`: AUTH_RATE_LIMIT_PER_MINUTE requests per client
 * IP (`request.ip`, which honours TRUST_PROXY) per minute, counted across all auth routes, in Redis
 * under REDIS_KEY_PREFIX when Redis is configured (shared by replicas) else in process. Over the
 * limit → 429 RATE_LIMITED envelope with `Retry-After`. A Redis failure lets requests through
 * (`skipOnError`) rather than locking everyone out. Which requests count is decided by the route
 * Fastify matched (`request.routeOptions.url`), so percent-encoded or otherwise odd spellings of
 * an auth path are counted too. `POST /api/auth/password/forgot` has a budget of its own instead:
 * AUTH_PASSWORD_FORGOT_PER_HOUR per IP per hour (a route-level `rateLimit`, set on the route as it
 * is registered). Must run before the routes are registered.
 */
export async function registerAuthRateLimit(
  fastify: FastifyInstance,
  config: AppConfig,
  redis: Redis | null,
): Promise<void> {
  // Added before the plugin's own onRoute hook, so that hook sees the route's limit.
  fastify.addHook("onRoute", (route) => {
    const methods = [route.method].flat();
    if (route.url === FORGOT_PASSWORD_PATH && methods.includes("POST")) {
      route.config = {
        ...route.config,
        rateLimit: { max: config.auth.passwordForgotPerHour, timeWindow: 60 * 60_000 },
      };
    }
  });
  await fastify.register(rateLimit, {
    global: true,
    max: config.auth.rateLimitPerMinute,
    timeWindow: 60_000,
    // The matched route's path, not the raw URL: `/api/%61uth/login` reaches the same handler as
    // `/api/auth/login` and must spend the same budget.
    allowList: (request) => !request.routeOptions.url?.startsWith(LIMITED_PREFIX),
    ...(redis ? { redis, nameSpace: `${config.redis.keyPrefix}rate-limit:auth:` } : {}),
    skipOnError: true,
    errorResponseBuilder: () =>
      new AppError("RATE_LIMITED", "Too many attempts. Please wait a minute and try again."),
  });
}
