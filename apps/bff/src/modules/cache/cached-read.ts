import { type z } from "zod";

/**
 * A group of cached entries dropped together (DESIGN.md §5 "invalidation by tag"), e.g. every
 * cached read of one WHMCS client (`{ kind: "billing-client", id: 1 }`) or only its invoices.
 * `kind` labels the invalidation metric (never an id); `id` is the owner's id.
 */
export interface CacheTag {
  kind: string;
  id: string | number;
}

/**
 * How long a cached value may be served: `ttlSeconds`, or until one of its tags is invalidated
 * (the entry still leaves the store after {@link UNTIL_INVALIDATED_HOUSEKEEPING_SECONDS}, so
 * entries under versions nobody reads any more do not pile up; then it is simply loaded again).
 */
export type CacheFreshness = { ttlSeconds: number } | { untilInvalidated: true };

/** A day: how long an "until invalidated" entry stays in the store at most. */
export const UNTIL_INVALIDATED_HOUSEKEEPING_SECONDS = 86_400;

/**
 * A read a feature caches, declared beside the feature (DESIGN.md §5; decision 0043):
 * - `namespace`: the first part of every key and the label of its hit/miss metrics (no ids);
 * - `key`: the rest of the key for the read's arguments — always carrying the portal user's or
 *   the account's id, so one customer's entry never answers another's request;
 * - `schema`: what the cached value is checked against when read back (its output must be valid
 *   input again, true of the `@portal/domain` response schemas);
 * - `freshness`: a TTL, or until invalidated (which needs tags);
 * - `tags`: the groups the entry is dropped with (`CacheService.invalidateTag`), broadest first.
 *   An entry with tags is stored under the tags' version counters and never rewritten in place;
 *   one without is read from the store each time, unless it is `immutable`;
 * - `immutable`: the value of a key never changes once loaded and is never forgotten (e.g. a
 *   portal user's upstream ids, written once at sign-up), so a replica answers it from process
 *   memory until its TTL ends, without reading the store (decision 0080). Only with a
 *   TTL and without tags; `CacheService.forget` refuses it.
 */
export interface CachedRead<A, S extends z.ZodType> {
  namespace: string;
  key: (args: A) => string;
  schema: S;
  freshness: CacheFreshness;
  tags?: (args: A) => readonly CacheTag[];
  immutable?: boolean;
}

/** Declares a cached read (identity: gives `A` and `S` their types at the declaration). */
export function cachedRead<A, S extends z.ZodType>(read: CachedRead<A, S>): CachedRead<A, S> {
  return read;
}
