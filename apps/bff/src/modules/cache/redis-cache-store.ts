import { type Redis } from "ioredis";
import { type CacheStore } from "./cache-store.js";

/**
 * {@link CacheStore} on Redis, every key under `keyPrefix` (REDIS_KEY_PREFIX) so several
 * deployments or test runs can share one server. Nothing scans keys: invalidation bumps version
 * counters (`INCR`, no expiry — run Redis with a `volatile-*` eviction policy or none, so that
 * only entries with a TTL are evicted). Source: Redis docs "SET" (EX and NX options), "MGET",
 * "INCR".
 */
export class RedisCacheStore implements CacheStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.keyPrefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.keyPrefix + key, value, "EX", ttlSeconds);
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(this.keyPrefix + key, value, "EX", ttlSeconds, "NX")) === "OK";
  }

  async getMany(keys: readonly string[]): Promise<(string | undefined)[]> {
    if (keys.length === 0) {
      return [];
    }
    const values = await this.redis.mget(...keys.map((key) => this.keyPrefix + key));
    return values.map((value) => value ?? undefined);
  }

  async increment(key: string): Promise<number> {
    return this.redis.incr(this.keyPrefix + key);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.keyPrefix + key);
  }
}
