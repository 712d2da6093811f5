import { LRUCache } from "lru-cache";
import { type CacheStore } from "./cache-store.js";

/** Upper bound of entries kept in process; the least recently used go first. */
const MAX_ENTRIES = 10_000;

/** {@link CacheStore} in process memory (lru-cache with per-entry TTL), for embedded mode. */
export class MemoryCacheStore implements CacheStore {
  private readonly entries = new LRUCache<string, string>({ max: MAX_ENTRIES });

  async get(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.entries.set(key, value, { ttl: ttlSeconds * 1000 });
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    // One synchronous check-and-set: nothing else runs between the two calls.
    if (this.entries.has(key)) {
      return false;
    }
    this.entries.set(key, value, { ttl: ttlSeconds * 1000 });
    return true;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async deletePrefix(prefix: string): Promise<number> {
    let removed = 0;
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix) && this.entries.delete(key)) {
        removed += 1;
      }
    }
    return removed;
  }
}
