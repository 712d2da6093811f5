import { LRUCache } from "lru-cache";
import { type CacheStore } from "./cache-store.js";

/** Upper bound of entries kept in process; the least recently used go first. */
const MAX_ENTRIES = 10_000;

/** {@link CacheStore} in process memory (lru-cache with per-entry TTL), for embedded mode. */
export class MemoryCacheStore implements CacheStore {
  private readonly entries = new LRUCache<string, string>({ max: MAX_ENTRIES });
  /** Counters apart from the LRU: a version pushed out would come back as 0 and revive old entries. */
  private readonly counters = new Map<string, number>();

  async get(key: string): Promise<string | undefined> {
    return this.read(key);
  }

  async getMany(keys: readonly string[]): Promise<(string | undefined)[]> {
    // One promise for all the keys: this runs on every warm cached read.
    return keys.map((key) => this.read(key));
  }

  async increment(key: string): Promise<number> {
    const next = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, next);
    return next;
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

  /** The value under `key`: a counter's as text, else the entry's. */
  private read(key: string): string | undefined {
    const counter = this.counters.get(key);
    return counter === undefined ? this.entries.get(key) : String(counter);
  }
}
