import { type Redis } from "ioredis";
import { type CacheStore } from "./cache-store.js";

/** Keys deleted per round trip when invalidating a prefix. */
const SCAN_BATCH = 500;

/** Escapes the glob characters of Redis `SCAN MATCH` so `prefix` matches literally. */
function globLiteral(prefix: string): string {
  return prefix.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}

/**
 * {@link CacheStore} on Redis, every key under `keyPrefix` (REDIS_KEY_PREFIX) so several
 * deployments or test runs can share one server. Prefix invalidation walks `SCAN MATCH` (never
 * `KEYS`, which blocks the server). Source: Redis docs "SCAN", "SET" (EX and NX options).
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

  async delete(key: string): Promise<void> {
    await this.redis.del(this.keyPrefix + key);
  }

  async deletePrefix(prefix: string): Promise<number> {
    const pattern = `${globLiteral(this.keyPrefix + prefix)}*`;
    let removed = 0;
    let cursor = "0";
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", pattern, "COUNT", SCAN_BATCH);
      if (keys.length > 0) {
        removed += await this.redis.unlink(...keys);
      }
      cursor = next;
    } while (cursor !== "0");
    return removed;
  }
}
