import { randomUUID } from "node:crypto";
import { Logger } from "@nestjs/common";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { MemoryCacheStore } from "../cache/memory-cache-store.js";
import { RedisCacheStore } from "../cache/redis-cache-store.js";
import { parseConfig } from "../config/parse-config.js";
import { SessionDenyList } from "./session-deny-list.js";

const redisUrl = process.env.TEST_REDIS_URL;

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe("SessionDenyList in one process", () => {
  it("denies a session in the store and admits others", async () => {
    const list = new SessionDenyList(new MemoryCacheStore());

    await list.deny("s1");

    expect(await list.isDenied("s1")).toBe(true);
    expect(await list.isDenied("s2")).toBe(false);
  });
});

describe.skipIf(!redisUrl)("SessionDenyList across replicas on Redis", () => {
  const prefix = `test:${randomUUID()}:`;
  const config = parseConfig({ ...MINIMAL_ENV, REDIS_KEY_PREFIX: prefix });
  const connections: Redis[] = [];
  const lists: SessionDenyList[] = [];

  /** A replica: its own Redis connection, store and deny-list, following the shared list. */
  function replica() {
    // The name also marks its subscriber connection (a duplicate), which a test cuts.
    const redis = new Redis(redisUrl ?? "redis://127.0.0.1:6379", {
      enableAutoPipelining: true,
      connectionName: `deny-list-${randomUUID()}`,
    });
    connections.push(redis);
    const store = new RedisCacheStore(redis, prefix);
    const list = new SessionDenyList(store, redis, config);
    list.onModuleInit();
    lists.push(list);
    return { list, store, name: redis.options.connectionName ?? "" };
  }

  /** Waits until `list` answers from its copy: a check reads nothing from the store. */
  async function untilFollowing(list: SessionDenyList, store: RedisCacheStore) {
    const get = vi.spyOn(store, "get").mockResolvedValue(undefined);
    await vi.waitFor(
      async () => {
        get.mockClear();
        await list.isDenied(randomUUID());
        expect(get).not.toHaveBeenCalled();
      },
      { timeout: 15_000, interval: 100 },
    );
    get.mockRestore();
  }

  afterEach(async () => {
    for (const list of lists.splice(0)) await list.onModuleDestroy();
  });

  afterAll(async () => {
    const cleanup = new Redis(redisUrl ?? "redis://127.0.0.1:6379");
    const keys = await cleanup.keys(`${prefix}*`);
    if (keys.length > 0) await cleanup.del(...keys);
    await cleanup.quit();
    for (const redis of connections) await redis.quit();
  });

  it("makes another replica refuse the session, answering from memory", async () => {
    const a = replica();
    const b = replica();
    await untilFollowing(b.list, b.store);
    const get = vi.spyOn(b.store, "get");

    await a.list.deny("family-1");

    await vi.waitFor(async () => expect(await b.list.isDenied("family-1")).toBe(true));
    expect(await b.list.isDenied("family-2")).toBe(false);
    expect(get).not.toHaveBeenCalled();
  });

  it("loads the denials made before a replica started", async () => {
    const a = replica();
    await a.list.deny("family-early");
    const late = replica();

    await untilFollowing(late.list, late.store);

    expect(await late.list.isDenied("family-early")).toBe(true);
  });

  it("catches up with a denial announced while its subscription was cut", async () => {
    const a = replica();
    const b = replica();
    await untilFollowing(b.list, b.store);
    const admin = new Redis(redisUrl ?? "redis://127.0.0.1:6379");
    connections.push(admin);
    const clients = String(await admin.call("CLIENT", "LIST", "TYPE", "pubsub"));
    const ids = clients
      .split("\n")
      .filter((line) => line.includes(`name=${b.name} `))
      .map((line) => /id=(\d+)/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined);
    expect(ids).toHaveLength(1);

    await admin.client("KILL", "ID", ids[0] ?? "");
    await a.list.deny("family-while-cut");

    // Whether b first reads the store key, resubscribes and reloads, or reloads on its timer,
    // it ends up refusing the session from its own copy.
    await vi.waitFor(async () => expect(await b.list.isDenied("family-while-cut")).toBe(true), {
      timeout: 15_000,
    });
    await untilFollowing(b.list, b.store);
    const get = vi.spyOn(b.store, "get");
    expect(await b.list.isDenied("family-while-cut")).toBe(true);
    expect(get).not.toHaveBeenCalled();
  });

  it("follows the list on a later try when its first load failed", async () => {
    const redis = new Redis(redisUrl ?? "redis://127.0.0.1:6379", { enableAutoPipelining: true });
    connections.push(redis);
    // The load on the main connection fails once, as when it is still reconnecting while the
    // subscriber is already back.
    const load = vi
      .spyOn(redis, "zrangebyscore")
      .mockRejectedValueOnce(new Error("Connection is closed."));
    const store = new RedisCacheStore(redis, prefix);
    const list = new SessionDenyList(store, redis, config);
    list.onModuleInit();
    lists.push(list);
    const a = replica();
    await a.list.deny("family-before-follow");
    await vi.waitFor(() => expect(load).toHaveBeenCalled());

    await untilFollowing(list, store);

    expect(load.mock.calls.length).toBeGreaterThan(1);
    expect(await list.isDenied("family-before-follow")).toBe(true);
  });
});
