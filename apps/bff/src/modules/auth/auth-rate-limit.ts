import rateLimit from "@fastify/rate-limit";
import { type FastifyInstance } from "fastify";
import { type Redis } from "ioredis";
import { type AppConfig } from "../config/config.schema.js";
import { AppError } from "../http/app-error.js";

/** The routes the limit applies to (docs/architecture/wiring.md AUTH_RATE_LIMIT_PER_MINUTE). */
const LIMITED_PREFIX = "/api/auth/";

/**
 * Registers @fastify/rate-limit for `/api/auth/*`: AUTH_RATE_LIMIT_PER_MINUTE requests per client
 * IP (`request.ip`, which honours TRUST_PROXY) per minute, counted across all auth routes, in Redis
 * under REDIS_KEY_PREFIX when Redis is configured (shared by replicas) else in process. Over the
 * limit → 429 RATE_LIMITED envelope with `Retry-After`. A Redis failure lets requests through
 * (`skipOnError`) rather than locking everyone out. Which requests count is decided by the route
 * Fastify matched (`request.routeOptions.url`), so percent-encoded or otherwise odd spellings of
 * an auth path are counted too. Must run before the routes are registered.
 */
export async function registerAuthRateLimit(
  fastify: FastifyInstance,
  config: AppConfig,
  redis: Redis | null,
): Promise<void> {
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
