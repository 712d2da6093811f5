import { Logger } from "@nestjs/common";
import { Redis } from "ioredis";

/** Injection token of the shared Redis connection, or null when REDIS_URL is unset. */
export const REDIS_CLIENT = Symbol("REDIS_CLIENT");

/**
 * Opens the one Redis connection the BFF shares between the cache and the auth rate limiter,
 * waiting for the first connection (at most the 2 s connect timeout) but never failing start-up:
 * an unreachable Redis degrades to live reads and an unenforced rate limit while ioredis keeps
 * reconnecting. Commands fail fast (no offline queue, one retry, 1 s timeout) instead of hanging
 * requests. Commands issued in the same event-loop tick (the cache version reads of concurrent
 * requests) leave in one pipeline: one write and one read for all of them
 * instead of one each (decision 0047). Source: ioredis README "Auto-reconnect", "Offline Queue",
 * "Autopipelining".
 */
export async function connectRedis(url: string): Promise<Redis> {
  const logger = new Logger("Redis");
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectTimeout: 2000,
    enableAutoPipelining: true,
  });
  redis.on("error", (error: Error) => logger.warn({ err: error }, "Redis connection error"));
  await redis.connect().catch((error: unknown) => {
    logger.warn(
      { err: error },
      "Redis is unreachable at start-up; the cache reads live until it is back",
    );
  });
  return redis;
}
