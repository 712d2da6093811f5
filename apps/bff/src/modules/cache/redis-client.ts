import { Logger } from "@nestjs/common";
import { Redis, type RedisOptions } from "ioredis";

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

/**
 * A connection of its own for Pub/Sub, duplicated from `redis` (a subscribed connection can send
 * nothing else): it queues commands until connected and waits without a timeout (a subscription
 * has no answer to time out), never pipelines, and logs its errors as the `purpose` subscriber.
 * `options` adds to or overrides those settings (e.g. `autoResubscribe: false` for a follower that
 * subscribes again itself on every `ready`).
 */
export function openSubscriber(
  redis: Redis,
  purpose: string,
  options: Partial<RedisOptions> = {},
): Redis {
  const logger = new Logger("Redis");
  const subscriber = redis.duplicate({
    lazyConnect: false,
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    commandTimeout: undefined,
    enableAutoPipelining: false,
    ...options,
  });
  subscriber.on("error", (error: Error) =>
    logger.warn({ err: error }, `Redis ${purpose} subscriber error`),
  );
  return subscriber;
}
