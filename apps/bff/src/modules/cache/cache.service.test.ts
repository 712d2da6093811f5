import { Logger } from "@nestjs/common";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { type CacheStore } from "./cache-store.js";
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

const INVOICE_KEY = "billing-client:1:invoices:detail:5";

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe("CacheService", () => {
  it("coalesces 10 concurrent misses of one key into one load", async () => {
    const cache = new CacheService(new MemoryCacheStore());
    const loader = gatedLoader({ n: 7 });

    const reads = Array.from({ length: 10 }, () =>
      cache.getOrLoad("user:1:thing", 60, valueSchema, loader.load),
    );
    loader.release();
    const values = await Promise.all(reads);

    expect(loader.calls).toBe(1);
    expect(values).toEqual(Array.from({ length: 10 }, () => ({ n: 7 })));
    expect(cache.stats()).toMatchObject({ misses: 1, hits: 0 });
  });

  it("serves the stored value afterwards without loading", async () => {
    const cache = new CacheService(new MemoryCacheStore());
    await cache.getOrLoad("user:1:thing", 60, valueSchema, async () => ({ n: 1 }));

    const again = await cache.getOrLoad("user:1:thing", 60, valueSchema, async () => ({ n: 2 }));

    expect(again).toEqual({ n: 1 });
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it("shares a failed load with the waiting callers and caches nothing", async () => {
    const cache = new CacheService(new MemoryCacheStore());
    let calls = 0;
    const failing = async (): Promise<{ n: number }> => {
      calls += 1;
      throw new Error("upstream down");
    };

    const results = await Promise.allSettled([
      cache.getOrLoad("k", 60, valueSchema, failing),
      cache.getOrLoad("k", 60, valueSchema, failing),
    ]);

    expect(calls).toBe(1);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await cache.getOrLoad("k", 60, valueSchema, async () => ({ n: 3 }))).toEqual({ n: 3 });
  });

  it("falls back to a live read on every call while the store throws", async () => {
    const cache = new CacheService(new BrokenStore());
    let calls = 0;
    const load = async () => ({ n: ++calls });

    expect(await cache.getOrLoad("k", 60, valueSchema, load)).toEqual({ n: 1 });
    expect(await cache.getOrLoad(INVOICE_KEY, 60, valueSchema, load)).toEqual({ n: 2 });
    await expect(cache.invalidatePrefix("billing-client:1:")).resolves.toBeUndefined();
    // get + set of the unscoped key, the versions of the scoped one, the version increment.
    expect(cache.stats().storeErrors).toBe(4);
  });

  it("drops a scope's keys on every replica by its version, and nothing else", async () => {
    const store = new MemoryCacheStore();
    const replicaA = new CacheService(store);
    const replicaB = new CacheService(store);
    const keys = [
      "billing-client:1:invoices:list:all:1:10",
      "billing-client:1:profile",
      "billing-client:12:invoices:list:all:1:10",
    ];
    for (const key of keys) {
      await replicaA.getOrLoad(key, 60, valueSchema, async () => ({ n: 1 }));
    }

    await replicaB.invalidatePrefix("billing-client:1:invoices:");
    const reads = [];
    for (const key of keys) {
      reads.push(await replicaA.getOrLoad(key, 60, valueSchema, async () => ({ n: 2 })));
    }

    expect(reads).toEqual([{ n: 2 }, { n: 1 }, { n: 1 }]);
    await replicaB.invalidatePrefix("billing-client:1:");
    expect(
      await replicaA.getOrLoad(keys[1] ?? "", 60, valueSchema, async () => ({ n: 3 })),
    ).toEqual({ n: 3 });
    expect(replicaB.stats().invalidations).toBe(2);
    await expect(replicaA.invalidatePrefix("billing-client:1:inv")).rejects.toThrow(/scope/);
  });

  it("drops a scoped key by its narrowest scope, on every replica", async () => {
    const store = new MemoryCacheStore();
    const replicaA = new CacheService(store);
    const replicaB = new CacheService(store);
    const profile = "billing-client:1:profile";
    const list = "billing-client:1:invoices:list:all:1:10";
    await replicaA.getOrLoad(profile, 60, valueSchema, async () => ({ n: 1 }));
    await replicaA.getOrLoad(list, 60, valueSchema, async () => ({ n: 1 }));

    await replicaB.invalidate(profile);

    expect(await replicaA.getOrLoad(profile, 60, valueSchema, async () => ({ n: 2 }))).toEqual({
      n: 2,
    });
    expect(await replicaA.getOrLoad(list, 60, valueSchema, async () => ({ n: 2 }))).toEqual({
      n: 1,
    });
  });

  it("does not let a load that began before another replica's invalidation serve its value afterwards", async () => {
    const store = new MemoryCacheStore();
    const replicaA = new CacheService(store);
    const replicaB = new CacheService(store);
    const slow = gatedLoader({ n: 1 });

    const stale = replicaA.getOrLoad(INVOICE_KEY, 60, valueSchema, slow.load);
    await replicaB.invalidatePrefix("billing-client:1:invoices:");
    slow.release();
    expect(await stale).toEqual({ n: 1 });

    const fresh = async () => ({ n: 2 });
    expect(await replicaA.getOrLoad(INVOICE_KEY, 60, valueSchema, fresh)).toEqual({ n: 2 });
    expect(await replicaB.getOrLoad(INVOICE_KEY, 60, valueSchema, fresh)).toEqual({ n: 2 });
  });

  it("does not store a value whose key was invalidated while it loaded", async () => {
    const cache = new CacheService(new MemoryCacheStore());
    const loader = gatedLoader({ n: 1 });

    const stale = cache.getOrLoad(
      "billing-client:1:invoices:detail:5",
      60,
      valueSchema,
      loader.load,
    );
    await cache.invalidatePrefix("billing-client:1:invoices:");
    loader.release();
    await stale;

    const fresh = await cache.getOrLoad(
      "billing-client:1:invoices:detail:5",
      60,
      valueSchema,
      async () => ({ n: 2 }),
    );
    expect(fresh).toEqual({ n: 2 });
  });

  it("reloads when the stored value no longer matches the schema", async () => {
    const store = new MemoryCacheStore();
    const cache = new CacheService(store);
    await store.set("k", JSON.stringify({ n: "not a number" }), 60);

    expect(await cache.getOrLoad("k", 60, valueSchema, async () => ({ n: 4 }))).toEqual({ n: 4 });
  });

  it("decodes a stored text once and reuses the value while the store holds that text", async () => {
    const store = new MemoryCacheStore();
    await store.set("k", stored({ n: 1 }), 60);
    const cache = new CacheService(store);
    const parse = vi.spyOn(valueSchema, "safeParse");
    const load = async () => ({ n: 0 });

    const first = await cache.getOrLoad("k", 60, valueSchema, load);
    const second = await cache.getOrLoad("k", 60, valueSchema, load);

    expect(second).toEqual({ n: 1 });
    expect(second).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
  });

  it("serves what another replica wrote to the shared store, not its own decoded copy", async () => {
    const store = new MemoryCacheStore();
    const replicaA = new CacheService(store);
    const replicaB = new CacheService(store);
    await replicaA.getOrLoad("k", 60, valueSchema, async () => ({ n: 1 }));

    await replicaB.invalidate("k");
    await replicaB.getOrLoad("k", 60, valueSchema, async () => ({ n: 2 }));

    expect(await replicaA.getOrLoad("k", 60, valueSchema, async () => ({ n: 3 }))).toEqual({
      n: 2,
    });
  });
});
