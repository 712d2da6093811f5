/**
 * Where cached values live (DESIGN.md §5): the in-process LRU in embedded mode, Redis in
 * production. Values are JSON strings; TTLs in seconds. Every method may reject when the store
 * is unreachable — `CacheService` then falls back to a live read.
 */
export interface CacheStore {
  /** The value under `key`, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlSeconds`. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /**
   * Stores `value` under `key` for `ttlSeconds` only when the key is absent (atomic, Redis
   * `SET NX`); true when it was stored, false when the key already held a value.
   */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  /** The values under `keys`, in order (undefined where absent); one round trip. */
  getMany(keys: readonly string[]): Promise<(string | undefined)[]>;
  /**
   * Adds 1 to the counter under `key` (absent counts as 0) and returns the new value (atomic,
   * Redis `INCR`). Counters never expire: they are the versions of cache tags.
   */
  increment(key: string): Promise<number>;
  /** Removes `key` if present. */
  delete(key: string): Promise<void>;
}

/** Injection token of the {@link CacheStore}. */
export const CACHE_STORE = Symbol("CACHE_STORE");
