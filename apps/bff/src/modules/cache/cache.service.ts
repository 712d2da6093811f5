import { randomUUID } from "node:crypto";
import { Inject, Injectable, Logger, Optional } from "@nestjs/common";
import { LRUCache } from "lru-cache";
import { type z } from "zod";
import { type CacheEvent, MetricsService } from "../metrics/metrics.service.js";
import { cacheNamespaceOf } from "./cache-keys.js";
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
 * response schemas). A stored text is decoded once: its value is kept in process beside the exact
 * text it came from and reused while the store still holds that very text (decision 0029) — the
 * store stays the one source of truth, so another replica's invalidation is seen at once. Values
 * handed out are shared between requests: treat them as read-only.
 */
@Injectable()
export class CacheService {
  private readonly logger = new Logger(CacheService.name);
  private readonly inFlight = new Map<string, InFlight>();
  /** Key → the stored text last decoded and its value. */
  private readonly decoded = new LRUCache<string, { text: string; value: unknown }>({
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
    const pending = this.inFlight.get(key);
    if (pending) {
      // The same key always comes with the same schema, which readThrough already applied.
      return (await pending.promise) as z.output<S>;
    }
    const entry: InFlight = { promise: Promise.resolve(), stale: false };
    entry.promise = this.readThrough(key, ttlSeconds, schema, load, entry).finally(() => {
      if (this.inFlight.get(key) === entry) {
        this.inFlight.delete(key);
      }
    });
    this.inFlight.set(key, entry);
    return (await entry.promise) as z.output<S>;
  }

  /** Drops `key`, including a load of it that is still running. */
  async invalidate(key: string): Promise<void> {
    this.count("invalidation", key);
    this.markStale((candidate) => candidate === key);
    await this.guard("delete", key, () => this.store.delete(key));
  }

  /** Drops every key starting with `prefix` (e.g. `billing-client:1:invoices:`). */
  async invalidatePrefix(prefix: string): Promise<void> {
    this.count("invalidation", prefix);
    this.markStale((candidate) => candidate.startsWith(prefix));
    await this.guard("deletePrefix", prefix, () => this.store.deletePrefix(prefix));
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
    key: string,
    ttlSeconds: number,
    schema: S,
    load: () => Promise<z.output<S>>,
    entry: InFlight,
  ): Promise<z.output<S>> {
    const raw = await this.guard("get", key, () => this.store.get(key));
    if (raw !== undefined) {
      const known = this.decoded.get(key);
      if (known?.text === raw) {
        this.count("hit", key);
        return known.value as z.output<S>;
      }
      const cached = schema.safeParse(parseJson(raw));
      if (cached.success) {
        this.decoded.set(key, { text: raw, value: cached.data });
        this.count("hit", key);
        return cached.data;
      }
      this.logger.warn({ key }, "Cached value no longer matches its schema; reloading");
    }
    this.count("miss", key);
    const value = await load();
    if (!entry.stale) {
      const text = JSON.stringify(value);
      this.decoded.set(key, { text, value });
      await this.guard("set", key, () => this.store.set(key, text, ttlSeconds));
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
