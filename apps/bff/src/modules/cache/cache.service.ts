import { randomUUID } from "node:crypto";
import { Inject, Injectable, Logger, Optional } from "@nestjs/common";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { type CacheEvent, MetricsService } from "../metrics/metrics.service.js";
import {
  type CachedRead,
  type CacheTag,
  UNTIL_INVALIDATED_HOUSEKEEPING_SECONDS,
} from "./cached-read.js";
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

/** How a tag is written in store keys: `<kind>:<id>`. */
const tagText = (tag: CacheTag) => `${tag.kind}:${tag.id}`;

/** The store key of the version counter of tag `tag` (as {@link tagText} writes it). */
const versionKey = (tag: string) => `cache-version:${tag}`;

/** Where one cached read's entry lives, for its arguments. */
interface Entry {
  /** `<namespace>:<key>`. */
  key: string;
  namespace: string;
  /** Its tags, as {@link tagText} writes them; empty for an entry no tag covers. */
  tags: string[];
  /** Whether the read is `immutable` (answered from process memory while fresh). */
  immutable: boolean;
}

interface InFlight {
  promise: Promise<unknown>;
  entry: Entry;
  /** Set when the entry is invalidated during the load: the result must not be stored. */
  stale: boolean;
}

/**
 * Read-through cache of upstream data (DESIGN.md §5) for the reads the features declare beside
 * them (`CachedRead`: namespace, key, schema, freshness, tags). Concurrent misses of one key share
 * one load (one in-flight promise per key in this process). A failing store never fails a request:
 * the value is loaded live. Values are stored as JSON and checked with the caller's schema when
 * read back, so the schema's output must be valid input again (true of the `@portal/domain`
 * response schemas). A stored text is decoded once (decision 0029): its value is kept in process.
 * Metrics count hits and misses under the read's namespace, invalidations under the tag's kind.
 *
 * Invalidation needs no key scan and is right across replicas: an entry with tags is stored under
 * the current versions of its tags, read from the store on every call (one `MGET`); invalidating
 * a tag increments its version, so every replica misses from its next read on, and a load that
 * began before the invalidation writes under the old versions, which nobody reads any more. Such an entry never changes once written, so its decoded
 * value answers from process memory until it expires. An entry without tags is read from the store
 * each time and its decoded value reused only while the store still holds that very text, unless
 * its read is `immutable` (then, like a versioned entry, from memory until it expires). Values
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
   * The cached value of `read` for `args`, or the result of `load` (then stored for the read's
   * freshness).
   * @throws whatever `load` throws (nothing is cached then).
   */
  async read<A, S extends z.ZodType>(
    read: CachedRead<A, S>,
    args: A,
    load: () => Promise<z.output<S>>,
  ): Promise<z.output<S>> {
    const at = entryOf(read, args);
    let storeKey = at.key;
    if (at.tags.length > 0) {
      const versions = await this.guard("getMany", at.key, () =>
        this.store.getMany(at.tags.map(versionKey)),
      );
      if (versions === undefined) {
        // Without the versions nothing read or written could be trusted: a live read.
        this.count("miss", at.namespace);
        return load();
      }
      storeKey = `${at.key}@${versions.map((version) => version ?? "0").join(".")}`;
    }
    // Neither a versioned entry nor an immutable one changes once written: a warm hit needs no
    // store read, and answers before the in-flight bookkeeping (its promises and map writes).
    if (at.tags.length > 0 || at.immutable) {
      const known = this.decoded.get(storeKey);
      if (known && known.expiresAt > Date.now()) {
        this.count("hit", at.namespace);
        return known.value as z.output<S>;
      }
    }
    const pending = this.inFlight.get(storeKey);
    if (pending) {
      // The same key always comes with the same schema, which readThrough already applied.
      return (await pending.promise) as z.output<S>;
    }
    const ttlSeconds =
      "ttlSeconds" in read.freshness
        ? read.freshness.ttlSeconds
        : UNTIL_INVALIDATED_HOUSEKEEPING_SECONDS;
    const flight: InFlight = { promise: Promise.resolve(), entry: at, stale: false };
    flight.promise = this.readThrough(storeKey, ttlSeconds, read.schema, load, flight).finally(
      () => {
        if (this.inFlight.get(storeKey) === flight) {
          this.inFlight.delete(storeKey);
        }
      },
    );
    this.inFlight.set(storeKey, flight);
    return (await flight.promise) as z.output<S>;
  }

  /**
   * Drops the entry of `read` for `args`, including a load of it that is still running. An entry
   * with tags is stored under their versions, so for it the narrowest tag (the last) is
   * invalidated ({@link invalidateTag}: e.g. the client's profile, or all of a client's invoices
   * for one invoice's detail) — never a silent no-op.
   * @throws Error for an `immutable` read: other replicas answer it from memory, out of reach.
   */
  async forget<A>(read: CachedRead<A, z.ZodType>, args: A): Promise<void> {
    if (read.immutable) {
      // Other replicas answer it from memory: a forget could never reach them.
      throw new Error(`Cached read ${read.namespace} is immutable and cannot be forgotten`);
    }
    const narrowestTag = read.tags?.(args).at(-1);
    if (narrowestTag) {
      return this.invalidateTag(narrowestTag);
    }
    const { key, namespace } = entryOf(read, args);
    this.count("invalidation", namespace);
    this.markStale((entry) => entry.key === key);
    await this.guard("delete", key, () => this.store.delete(key));
  }

  /**
   * Drops every entry tagged `tag` on every replica, by incrementing the tag's version; loads
   * of such entries still running store nothing.
   */
  async invalidateTag(tag: CacheTag): Promise<void> {
    const text = tagText(tag);
    this.count("invalidation", tag.kind);
    this.markStale((entry) => entry.tags.includes(text));
    await this.guard("increment", text, () => this.store.increment(versionKey(text)));
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
    storeKey: string,
    ttlSeconds: number,
    schema: S,
    load: () => Promise<z.output<S>>,
    flight: InFlight,
  ): Promise<z.output<S>> {
    const { key, namespace } = flight.entry;
    const known = this.decoded.get(storeKey);
    const raw = await this.guard("get", key, () => this.store.get(storeKey));
    if (raw !== undefined) {
      if (known?.text === raw && known.expiresAt > Date.now()) {
        this.count("hit", namespace);
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
        this.count("hit", namespace);
        return cached.data;
      }
      if (!cached?.success) {
        this.logger.warn({ key }, "Cached value no longer matches its schema; reloading");
      }
    }
    this.count("miss", namespace);
    const value = await load();
    if (!flight.stale) {
      const expiresAt = Date.now() + ttlSeconds * 1000;
      const text = JSON.stringify({ expiresAt, value });
      this.decoded.set(storeKey, { text, value, expiresAt });
      await this.guard("set", key, () => this.store.set(storeKey, text, ttlSeconds));
    }
    return value;
  }

  /** Counts `event` here (`stats()`) and in the metrics under `namespace`. */
  private count(event: CacheEvent, namespace: string): void {
    const counter = ({ hit: "hits", miss: "misses", invalidation: "invalidations" } as const)[
      event
    ];
    this.counters[counter] += 1;
    this.metrics?.countCacheEvent(namespace, event);
  }

  private markStale(matches: (entry: Entry) => boolean): void {
    for (const [storeKey, flight] of this.inFlight) {
      if (matches(flight.entry)) {
        flight.stale = true;
        this.inFlight.delete(storeKey);
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

/** Where the entry of `read` for `args` lives. */
function entryOf<A>(read: CachedRead<A, z.ZodType>, args: A): Entry {
  return {
    key: `${read.namespace}:${read.key(args)}`,
    namespace: read.namespace,
    tags: (read.tags?.(args) ?? []).map(tagText),
    immutable: read.immutable === true,
  };
}

/** `JSON.parse`, with undefined for text that is not JSON (the schema then rejects it). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
