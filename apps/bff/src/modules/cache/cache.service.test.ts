import { Logger } from "@nestjs/common";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { type CacheStore } from "./cache-store.js";
import { cachedRead, type CacheTag } from "./cached-read.js";
import { CacheService } from "./cache.service.js";
import { MemoryCacheStore } from "./memory-cache-store.js";

const valueSchema = z.object({ n: z.number() });

/** A loader that counts its calls and resolves only when told to. */
function gatedLoader(value: { n: number }) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const loader = {
    calls: 0,
    release,
    load: async () => {
      loader.calls += 1;
      await gate;
      return value;
    },
  };
  return loader;
}

/** A store whose every operation fails, like an unreachable Redis. */
class BrokenStore implements CacheStore {
  async get(): Promise<string | undefined> {
    throw new Error("ECONNREFUSED");
  }
  async set(): Promise<void> {
    throw new Error("ECONNREFUSED");
  }
  async setIfAbsent(): Promise<boolean> {
    throw new Error("ECONNREFUSED");
  }
  async getMany(): Promise<(string | undefined)[]> {
    throw new Error("ECONNREFUSED");
  }
  async increment(): Promise<number> {
    throw new Error("ECONNREFUSED");
  }
  async delete(): Promise<void> {
    throw new Error("ECONNREFUSED");
  }
}

/** A value as the cache stores it, valid for a minute. */
const stored = (value: unknown) => JSON.stringify({ expiresAt: Date.now() + 60_000, value });

/** A read without tags, keyed by a user id. */
const thingRead = cachedRead({
  namespace: "thing",
  key: (userId: string) => userId,
  schema: valueSchema,
  freshness: { ttlSeconds: 60 },
});

/** An immutable read without tags, like a portal user's upstream ids. */
const idsRead = cachedRead({
  namespace: "ids",
  key: (userId: string) => userId,
  schema: valueSchema,
  freshness: { ttlSeconds: 60 },
  immutable: true,
});

const tags = {
  client: (clientId: number): CacheTag => ({ kind: "client", id: clientId }),
  invoices: (clientId: number): CacheTag => ({ kind: "invoices", id: clientId }),
  profile: (clientId: number): CacheTag => ({ kind: "profile", id: clientId }),
};

/** Reads tagged with their client and their resource, like billing's. */
const invoiceRead = cachedRead({
  namespace: "invoices",
  key: ({ clientId, invoiceId }: { clientId: number; invoiceId: number }) =>
    `${clientId}:${invoiceId}`,
  schema: valueSchema,
  freshness: { ttlSeconds: 60 },
  tags: ({ clientId }) => [tags.client(clientId), tags.invoices(clientId)],
});
const profileRead = cachedRead({
  namespace: "profile",
  key: (clientId: number) => `${clientId}`,
  schema: valueSchema,
  freshness: { ttlSeconds: 60 },
  tags: (clientId) => [tags.client(clientId), tags.profile(clientId)],
});

const INVOICE = { clientId: 1, invoiceId: 5 };

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe("CacheService", () => {
  it("coalesces 10 concurrent misses of one key into one load", async () => {
    const cache = new CacheService(new MemoryCacheStore());
    const loader = gatedLoader({ n: 7 });

    const reads = Array.from({ length: 10 }, () => cache.read(thingRead, "1", loader.load));
    loader.release();
    const values = await Promise.all(reads);

    expect(loader.calls).toBe(1);
    expect(values).toEqual(Array.from({ length: 10 }, () => ({ n: 7 })));
    expect(cache.stats()).toMatchObject({ misses: 1, hits: 0 });
  });

  it("serves the stored value afterwards without loading, and keeps keys of other ids apart", async () => {
    const cache = new CacheService(new MemoryCacheStore());
    await cache.read(thingRead, "1", async () => ({ n: 1 }));

    const again = await cache.read(thingRead, "1", async () => ({ n: 2 }));
    const other = await cache.read(thingRead, "2", async () => ({ n: 3 }));

    expect([again, other]).toEqual([{ n: 1 }, { n: 3 }]);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it("shares a failed load with the waiting callers and caches nothing", async () => {
    const cache = new CacheService(new MemoryCacheStore());
    let calls = 0;
    const failing = async (): Promise<{ n: number }> => {
      calls += 1;
      throw new Error("upstream down");
    };

    const results = await Promise.allSettled([
      cache.read(thingRead, "k", failing),
      cache.read(thingRead, "k", failing),
    ]);

    expect(calls).toBe(1);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await cache.read(thingRead, "k", async () => ({ n: 3 }))).toEqual({ n: 3 });
  });

  it("falls back to a live read on every call while the store throws", async () => {
    const cache = new CacheService(new BrokenStore());
    let calls = 0;
    const load = async () => ({ n: ++calls });

    expect(await cache.read(thingRead, "k", load)).toEqual({ n: 1 });
    expect(await cache.read(invoiceRead, INVOICE, load)).toEqual({ n: 2 });
    await expect(cache.invalidateTag(tags.client(1))).resolves.toBeUndefined();
    // get + set of the untagged key, the versions of the tagged one, the version increment.
    expect(cache.stats().storeErrors).toBe(4);
  });

  it("drops a tag's entries on every replica by its version, and nothing else", async () => {
    const store = new MemoryCacheStore();
    const replicaA = new CacheService(store);
    const replicaB = new CacheService(store);
    const readAll = (n: number) => [
      () => replicaA.read(invoiceRead, INVOICE, async () => ({ n })),
      () => replicaA.read(profileRead, 1, async () => ({ n })),
      () => replicaA.read(invoiceRead, { clientId: 12, invoiceId: 5 }, async () => ({ n })),
    ];
    for (const read of readAll(1)) {
      await read();
    }

    await replicaB.invalidateTag(tags.invoices(1));
    const reads = [];
    for (const read of readAll(2)) {
      reads.push(await read());
    }

    expect(reads).toEqual([{ n: 2 }, { n: 1 }, { n: 1 }]);
    await replicaB.invalidateTag(tags.client(1));
    expect(await replicaA.read(profileRead, 1, async () => ({ n: 3 }))).toEqual({ n: 3 });
    expect(replicaB.stats().invalidations).toBe(2);
  });

  it("forgets a tagged entry by its narrowest tag, on every replica", async () => {
    const store = new MemoryCacheStore();
    const replicaA = new CacheService(store);
    const replicaB = new CacheService(store);
    await replicaA.read(profileRead, 1, async () => ({ n: 1 }));
    await replicaA.read(invoiceRead, INVOICE, async () => ({ n: 1 }));

    await replicaB.forget(profileRead, 1);

    expect(await replicaA.read(profileRead, 1, async () => ({ n: 2 }))).toEqual({ n: 2 });
    expect(await replicaA.read(invoiceRead, INVOICE, async () => ({ n: 2 }))).toEqual({ n: 1 });
  });

  it("does not let a load that began before another replica's invalidation serve its value afterwards", async () => {
    const store = new MemoryCacheStore();
    const replicaA = new CacheService(store);
    const replicaB = new CacheService(store);
    const slow = gatedLoader({ n: 1 });

    const stale = replicaA.read(invoiceRead, INVOICE, slow.load);
    await replicaB.invalidateTag(tags.invoices(1));
    slow.release();
    expect(await stale).toEqual({ n: 1 });

    const fresh = async () => ({ n: 2 });
    expect(await replicaA.read(invoiceRead, INVOICE, fresh)).toEqual({ n: 2 });
    expect(await replicaB.read(invoiceRead, INVOICE, fresh)).toEqual({ n: 2 });
  });

  it("does not store a value whose entry was invalidated while it loaded", async () => {
    const cache = new CacheService(new MemoryCacheStore());
    const loader = gatedLoader({ n: 1 });

    const stale = cache.read(invoiceRead, INVOICE, loader.load);
    await cache.invalidateTag(tags.invoices(1));
    loader.release();
    await stale;

    expect(await cache.read(invoiceRead, INVOICE, async () => ({ n: 2 }))).toEqual({ n: 2 });
  });

  it("keeps an entry until its tag is invalidated, leaving the store after a day at most", async () => {
    const store = new MemoryCacheStore();
    const set = vi.spyOn(store, "set");
    const cache = new CacheService(store);
    const catalogRead = cachedRead({
      namespace: "catalog",
      key: (accountId: string) => accountId,
      schema: valueSchema,
      freshness: { untilInvalidated: true },
      tags: (accountId) => [{ kind: "catalog", id: accountId }],
    });

    await cache.read(catalogRead, "a", async () => ({ n: 1 }));
    const again = await cache.read(catalogRead, "a", async () => ({ n: 2 }));
    await cache.invalidateTag({ kind: "catalog", id: "a" });
    const fresh = await cache.read(catalogRead, "a", async () => ({ n: 3 }));

    expect([again, fresh]).toEqual([{ n: 1 }, { n: 3 }]);
    expect(set.mock.calls.map(([, , ttlSeconds]) => ttlSeconds)).toEqual([86_400, 86_400]);
  });

  it("reloads when the stored value no longer matches the schema", async () => {
    const store = new MemoryCacheStore();
    const cache = new CacheService(store);
    await store.set("thing:k", JSON.stringify({ n: "not a number" }), 60);

    expect(await cache.read(thingRead, "k", async () => ({ n: 4 }))).toEqual({ n: 4 });
  });

  it("decodes a stored text once and reuses the value while the store holds that text", async () => {
    const store = new MemoryCacheStore();
    await store.set("thing:k", stored({ n: 1 }), 60);
    const cache = new CacheService(store);
    const parse = vi.spyOn(valueSchema, "safeParse");
    const load = async () => ({ n: 0 });

    const first = await cache.read(thingRead, "k", load);
    const second = await cache.read(thingRead, "k", load);

    expect(second).toEqual({ n: 1 });
    expect(second).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
  });

  it("serves what another replica wrote to the shared store, not its own decoded copy", async () => {
    const store = new MemoryCacheStore();
    const replicaA = new CacheService(store);
    const replicaB = new CacheService(store);
    await replicaA.read(thingRead, "k", async () => ({ n: 1 }));

    await replicaB.forget(thingRead, "k");
    await replicaB.read(thingRead, "k", async () => ({ n: 2 }));

    expect(await replicaA.read(thingRead, "k", async () => ({ n: 3 }))).toEqual({ n: 2 });
  });

  it("answers an immutable read from memory while it is fresh, without reading the store", async () => {
    const store = new MemoryCacheStore();
    const cache = new CacheService(store);
    await cache.read(idsRead, "k", async () => ({ n: 1 }));
    const get = vi.spyOn(store, "get");
    const getMany = vi.spyOn(store, "getMany");

    const again = await cache.read(idsRead, "k", async () => ({ n: 2 }));

    expect(again).toEqual({ n: 1 });
    expect(get).not.toHaveBeenCalled();
    expect(getMany).not.toHaveBeenCalled();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it("reads an immutable entry from the store again once its TTL has passed", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T00:00:00Z"), toFake: ["Date"] });
    try {
      const store = new MemoryCacheStore();
      const cache = new CacheService(store);
      await cache.read(idsRead, "k", async () => ({ n: 1 }));
      vi.setSystemTime(new Date("2026-12-02T00:01:01Z"));
      await store.set("ids:k", stored({ n: 7 }), 60);

      expect(await cache.read(idsRead, "k", async () => ({ n: 2 }))).toEqual({ n: 7 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses to forget an immutable read, which other replicas keep in memory", async () => {
    const cache = new CacheService(new MemoryCacheStore());

    await expect(cache.forget(idsRead, "k")).rejects.toThrow(/immutable/);
  });
});
