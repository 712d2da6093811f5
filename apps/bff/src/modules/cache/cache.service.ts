import { randomUUID } from "node:crypto";
import { Inject, Injectable, Logger, Optional } from "@nestjs/common";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { type CacheEvent, MetricsService } from "../metrics/metrics.service.js";
import { cacheNamespaceOf, cacheScopesOf, isCacheScope } from "./cache-keys.js";
import { CACHE_STORE, type CacheStore } from "./cache-store.js";

/** Counters since start (DESIGN.md §5 "Hit/miss/invalidation counters are exported"). */
export interface CacheStats {
  hits: number;
  misses: number;
  invalidations: number;
  /** Store operations that failed and were answered by a live read instead. */
  storeErrors: number;
}

/**
 * Stored texts whose decoded value is kept in process: the hot entries of one replica. A key
 * pushed out is simply decoded again.
 */
const DECODED_MAX = 5_000;

/** What the store holds under a key: the value and when it stops being served (epoch ms). */
const storedSchema = z.object({ expiresAt: z.number(), value: z.unknown() });

/** The store key of the version counter of invalidation scope `scope`. */
const versionKey = (scope: string) => `cache-version:${scope}`;

interface InFlight {
  promise: Promise<unknown>;
  /** Set when the key is invalidated during the load: the result must not be stored. */
  stale: boolean;
}

/**
 * Read-through cache of upstream data (DESIGN.md §5). Concurrent misses of one key share one
 * load (one in-flight promise per key in this process). A failing store never fails a request:
 * the value is loaded live. Values are stored as JSON and checked with the caller's schema when
 * read back, so the schema's output must be valid input again (true of the `@portal/domain`
 * response schemas). A stored text is decoded once (decision 0029): its value is kept in process.
 *
 * Invalidation needs no key scan and is right across replicas: a key covered by invalidation
 * scopes (`cacheScopesOf`) is stored under the current versions of those scopes, read from the
 * store on every call (one `MGET`); invalidating a scope increments its version, so every replica
 * misses from its next read on, and a load that began before the invalidation writes under the old
 * versions, which nobody reads any more. Such an entry never changes once written, so its decoded
 * value answers from process memory until it expires. A key no scope covers is read from the store
 * each time and its decoded value reused only while the store still holds that very text. Values
 * handed out are shared between requests: treat them as read-only.
 */
@Injectable()
export class CacheService {
  private readonly logger = new Logger(CacheService.name);
  private readonly inFlight = new Map<string, InFlight>();
  /** Store key → the stored text last decoded, its value and expiry (epoch ms). */
  private readonly decoded = new LRUCache<
    string,
    { text: string; value: unknown; expiresAt: number }
  >({
    max: DECODED_MAX,
  });
  private readonly counters: CacheStats = { hits: 0, misses: 0, invalidations: 0, storeErrors: 0 };

  constructor(
    @Inject(CACHE_STORE) private readonly store: CacheStore,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  /**
   * The value under `key`, or the result of `load` (then stored for `ttlSeconds`).
   * @throws whatever `load` throws (nothing is cached then).
   */
  async getOrLoad<S extends z.ZodType>(
    key: string,
    ttlSeconds: number,
    schema: S,
    load: () => Promise<z.output<S>>,
  ): Promise<z.output<S>> {
    const scopes = cacheScopesOf(key);
    let storeKey = key;
    if (scopes.length > 0) {
      const versions = await this.guard("getMany", key, () =>
        this.store.getMany(scopes.map(versionKey)),
      );
      if (versions === undefined) {
        // Without the versions nothing read or written could be trusted: a live read.
        this.count("miss", key);
        return load();
      }
      storeKey = `${key}@${versions.map((version) => version ?? "0").join(".")}`;
    }
    const pending = this.inFlight.get(storeKey);
    if (pending) {
      // The same key always comes with the same schema, which readThrough already applied.
      return (await pending.promise) as z.output<S>;
    }
    const entry: InFlight = { promise: Promise.resolve(), stale: false };
    entry.promise = this.readThrough(
      { key, storeKey, versioned: scopes.length > 0 },
      ttlSeconds,
      schema,
      load,
      entry,
    ).finally(() => {
      if (this.inFlight.get(storeKey) === entry) {
        this.inFlight.delete(storeKey);
      }
    });
    this.inFlight.set(storeKey, entry);
    return (await entry.promise) as z.output<S>;
  }

  /**
   * Drops `key`, including a load of it that is still running. A key an invalidation scope covers
   * is stored under the scope's version, so for it the narrowest covering scope is dropped
   * ({@link invalidatePrefix}: e.g. `billing-client:1:profile` itself, or all of a client's
   * invoices for one invoice's detail) — never a silent no-op.
   */
  async invalidate(key: string): Promise<void> {
    const narrowestScope = cacheScopesOf(key).at(-1);
    if (narrowestScope) {
      return this.invalidatePrefix(narrowestScope);
    }
    this.count("invalidation", key);
    this.markStale((candidate) => candidate === key);
    await this.guard("delete", key, () => this.store.delete(key));
  }

  /**
   * Drops every key of invalidation scope `prefix` (e.g. `billing-client:1:invoices:`; see
   * `cacheScopesOf`) on every replica, by incrementing the scope's version.
   * @throws Error when `prefix` is not a scope (a programming error: nothing would be dropped).
   */
  async invalidatePrefix(prefix: string): Promise<void> {
    if (!isCacheScope(prefix)) {
      throw new Error(`${prefix} is not a cache invalidation scope (cache-keys.ts)`);
    }
    this.count("invalidation", prefix);
    this.markStale((candidate) => candidate.startsWith(prefix));
    await this.guard("increment", prefix, () => this.store.increment(versionKey(prefix)));
  }

  /** Writes, reads back and deletes a probe key; true when the store answered correctly. */
  async roundTrip(): Promise<boolean> {
    const key = `health:${randomUUID()}`;
    await this.store.set(key, "ok", 10);
    const value = await this.store.get(key);
    await this.store.delete(key);
    return value === "ok";
  }

  /** A snapshot of the counters. */
  stats(): CacheStats {
    return { ...this.counters };
  }

  private async readThrough<S extends z.ZodType>(
    at: { key: string; storeKey: string; versioned: boolean },
    ttlSeconds: number,
    schema: S,
    load: () => Promise<z.output<S>>,
    entry: InFlight,
  ): Promise<z.output<S>> {
    const { key, storeKey } = at;
    const known = this.decoded.get(storeKey);
    if (at.versioned && known && known.expiresAt > Date.now()) {
      this.count("hit", key);
      return known.value as z.output<S>;
    }
    const raw = await this.guard("get", key, () => this.store.get(storeKey));
    if (raw !== undefined) {
      if (known?.text === raw && known.expiresAt > Date.now()) {
        this.count("hit", key);
        return known.value as z.output<S>;
      }
      const stored = storedSchema.safeParse(parseJson(raw));
      const cached = stored.success ? schema.safeParse(stored.data.value) : undefined;
      if (stored.success && cached?.success && stored.data.expiresAt > Date.now()) {
        this.decoded.set(storeKey, {
          text: raw,
          value: cached.data,
          expiresAt: stored.data.expiresAt,
        });
        this.count("hit", key);
        return cached.data;
      }
      if (!cached?.success) {
        this.logger.warn({ key }, "Cached value no longer matches its schema; reloading");
      }
    }
    this.count("miss", key);
    const value = await load();
    if (!entry.stale) {
      const expiresAt = Date.now() + ttlSeconds * 1000;
      const text = JSON.stringify({ expiresAt, value });
      this.decoded.set(storeKey, { text, value, expiresAt });
      await this.guard("set", key, () => this.store.set(storeKey, text, ttlSeconds));
    }
    return value;
  }

  /** Counts `event` here (`stats()`) and in the metrics under the key's namespace. */
  private count(event: CacheEvent, key: string): void {
    const counter = ({ hit: "hits", miss: "misses", invalidation: "invalidations" } as const)[
      event
    ];
    this.counters[counter] += 1;
    this.metrics?.countCacheEvent(cacheNamespaceOf(key), event);
  }

  private markStale(matches: (key: string) => boolean): void {
    for (const [key, entry] of this.inFlight) {
      if (matches(key)) {
        entry.stale = true;
        this.inFlight.delete(key);
      }
    }
  }

  /** Runs a store operation; on failure counts and logs it and answers undefined. */
  private async guard<T>(
    operation: string,
    key: string,
    run: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.counters.storeErrors += 1;
      this.logger.warn({ err: error, key, operation }, "Cache store failed; serving a live read");
      return undefined;
    }
  }
}

/** `JSON.parse`, with undefined for text that is not JSON (the schema then rejects it). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
