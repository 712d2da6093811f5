import { setTimeout } from "node:timers/promises";
import { Logger } from "@nestjs/common";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { eventually } from "../../../test/support/eventually.js";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.js";
import { DeadLetterError } from "./dead-letter-error.js";
import { type JobDefinitions } from "./job-definition.js";
import { type ExecuteSql } from "../database/database.js";
import { JobQueue } from "./job-queue.js";

const TEST_JOBS = {
  "test.echo": {
    policy: "stately",
    schema: z.object({ text: z.string() }),
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 60,
  },
  "test.flaky": {
    policy: "standard",
    schema: z.object({ n: z.number() }),
    retryLimit: 1,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 60,
  },
} satisfies JobDefinitions;

/** A job worked by three workers per process, deduplicated per key like `order.fulfil`. */
const GATED_JOBS = {
  "test.gated": { ...TEST_JOBS["test.echo"], concurrency: 3 },
} satisfies JobDefinitions;

let database: TestDatabase;
let queue: { stop(): Promise<void> } | undefined;
let schemas = 0;

// One database for the file (opening one is the slow part); each test's queue has a pg-boss
// schema of its own, so no test sees another's jobs.
beforeAll(async () => {
  Logger.overrideLogger(false);
  database = await openTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

afterEach(async () => {
  await queue?.stop();
  queue = undefined;
});

/**
 * A queue of TEST_JOBS in a fresh pg-boss schema of the file's database (PGlite, or PostgreSQL in
 * "servers" mode); idle workers poll every `pollingIntervalSeconds` (default 0.5 s).
 */
function newQueue(pollingIntervalSeconds = 0.5): JobQueue<typeof TEST_JOBS> {
  schemas += 1;
  const created = new JobQueue(database.connection.executeSql, TEST_JOBS, {
    schema: `pgboss_test_${schemas}`,
    pollingIntervalSeconds,
  });
  queue = created;
  return created;
}

describe("JobQueue (pg-boss 10 on the BFF database)", () => {
  it("refuses to start while a job has no handler, naming it", async () => {
    const jobs = newQueue();
    jobs.register("test.echo", async () => undefined);

    await expect(jobs.start()).rejects.toThrow(/test\.flaky/);
  });

  it("refuses a concurrency below 1 before starting anything, naming the job", async () => {
    const jobs = new JobQueue(
      database.connection.executeSql,
      { "test.echo": { ...TEST_JOBS["test.echo"], concurrency: 0 } },
      { schema: `pgboss_test_${(schemas += 1)}` },
    );
    jobs.register("test.echo", async () => undefined);

    await expect(jobs.start()).rejects.toThrow(/at least 1: test\.echo/);
  });

  it("brings an existing queue's retry delay and expiry to the definition's on the next start", async () => {
    const schema = `pgboss_test_${(schemas += 1)}`;
    const startWith = async (definition: (typeof TEST_JOBS)["test.echo"]) => {
      const jobs = new JobQueue(
        database.connection.executeSql,
        { "test.echo": definition },
        { schema },
      );
      queue = jobs;
      jobs.register("test.echo", async () => undefined);
      await jobs.start();
      await jobs.stop();
      const { rows } = await database.connection.executeSql(
        `SELECT policy, retry_delay, expire_seconds FROM ${schema}.queue WHERE name = 'test.echo'`,
      );
      return rows[0];
    };

    expect(await startWith(TEST_JOBS["test.echo"])).toMatchObject({
      policy: "stately",
      retry_delay: TEST_JOBS["test.echo"].retryDelaySeconds,
      expire_seconds: TEST_JOBS["test.echo"].expireInSeconds,
    });
    expect(
      await startWith({ ...TEST_JOBS["test.echo"], retryDelaySeconds: 7, expireInSeconds: 33 }),
    ).toMatchObject({ policy: "stately", retry_delay: 7, expire_seconds: 33 });
  });

  it("refuses a second handler for one job", async () => {
    const jobs = newQueue();
    jobs.register("test.echo", async () => undefined);

    expect(() => jobs.register("test.echo", async () => undefined)).toThrow(/already/);
  });

  it("works a job with its validated payload and counts the outcome", async () => {
    const jobs = newQueue();
    const seen: string[] = [];
    jobs.register("test.echo", async (payload) => {
      seen.push(payload.text);
    });
    jobs.register("test.flaky", async () => undefined);
    await jobs.start();

    expect(await jobs.send("test.echo", { text: "hello" })).toEqual(expect.any(String));

    await eventually(
      async () => seen,
      (values) => values.length === 1,
    );
    expect(seen).toEqual(["hello"]);
    const counts = await eventually(
      () => jobs.counts(),
      (value) => value["test.echo"].completed === 1 && value["test.echo"].waiting === 0,
    );
    expect(counts["test.echo"]).toMatchObject({ failed: 0, deadLettered: 0 });
  });

  it("works a job sent from this process without waiting for the worker's next poll", async () => {
    // Idle workers poll every 60 s here; the job is worked long before that.
    const jobs = newQueue(60);
    const seen: string[] = [];
    jobs.register("test.echo", async (payload) => {
      seen.push(payload.text);
    });
    jobs.register("test.flaky", async () => undefined);
    await jobs.start();
    // pg-boss polls once when a worker starts: let that first poll pass.
    await eventually(
      async () => (await jobs.counts())["test.echo"].waiting,
      (waiting) => waiting === 0,
    );

    await jobs.send("test.echo", { text: "now" });

    await eventually(
      async () => seen,
      (values) => values.length === 1,
    );
    expect(seen).toEqual(["now"]);
  });

  it("retries a failing job, then copies it into its dead-letter queue", async () => {
    const jobs = newQueue();
    const attempts: number[] = [];
    jobs.register("test.echo", async () => undefined);
    jobs.register("test.flaky", async (payload, job) => {
      attempts.push(job.retryCount);
      throw new Error(`always fails ${payload.n}`);
    });
    await jobs.start();

    await jobs.send("test.flaky", { n: 7 });

    const counts = await eventually(
      () => jobs.counts(),
      (value) => value["test.flaky"].deadLettered === 1,
    );
    expect(attempts).toEqual([0, 1]);
    expect(counts["test.flaky"]).toMatchObject({ failed: 2, completed: 0, waiting: 0 });
  });

  it("dead-letters a job at once when its handler throws a DeadLetterError", async () => {
    const jobs = newQueue();
    const attempts: number[] = [];
    jobs.register("test.echo", async () => undefined);
    jobs.register("test.flaky", async (payload, job) => {
      attempts.push(job.retryCount);
      throw new DeadLetterError(`cannot ever work ${payload.n}`);
    });
    await jobs.start();

    await jobs.send("test.flaky", { n: 8 });

    const counts = await eventually(
      () => jobs.counts(),
      (value) => value["test.flaky"].deadLettered === 1,
    );
    expect(attempts).toEqual([0]);
    expect(counts["test.flaky"]).toMatchObject({ failed: 1, waiting: 0 });
  });

  it("drops a second job with a singleton key already waiting, and refuses a bad payload", async () => {
    const jobs = newQueue();
    jobs.register("test.echo", async () => undefined);
    jobs.register("test.flaky", async () => undefined);
    await jobs.start();
    const later = { singletonKey: "order-1", startAfterSeconds: 3600 };

    const first = await jobs.send("test.echo", { text: "a" }, later);
    const duplicate = await jobs.send("test.echo", { text: "b" }, later);
    const otherKey = await jobs.send("test.echo", { text: "c" }, { ...later, singletonKey: "x" });

    expect(first).toEqual(expect.any(String));
    expect(duplicate).toBeNull();
    expect(otherKey).toEqual(expect.any(String));
    expect((await jobs.counts())["test.echo"].waiting).toBe(2);
    await expect(
      jobs.send("test.echo", { text: 42 } as unknown as { text: string }),
    ).rejects.toThrow(/text/);
  });

  it("tells whether a singleton key has a job waiting, and not once it is done", async () => {
    const jobs = newQueue();
    const done = new Promise<void>((resolve) => {
      jobs.register("test.echo", async () => resolve());
    });
    jobs.register("test.flaky", async () => undefined);
    await jobs.start();

    expect(await jobs.hasUnfinished("test.echo", "order-2")).toBe(false);
    await jobs.send(
      "test.echo",
      { text: "a" },
      { singletonKey: "order-2", startAfterSeconds: 3600 },
    );
    expect(await jobs.hasUnfinished("test.echo", "order-2")).toBe(true);
    expect(await jobs.hasUnfinished("test.echo", "order-3")).toBe(false);
    expect(await jobs.hasUnfinished("test.flaky", "order-2")).toBe(false);

    await jobs.send("test.echo", { text: "b" }, { singletonKey: "order-3" });
    await done;
    await eventually(
      () => jobs.hasUnfinished("test.echo", "order-3"),
      (unfinished) => !unfinished,
    );
  });
});

describe("JobQueue with several workers per job (concurrency)", () => {
  /**
   * A queue of GATED_JOBS whose handler records which keys run and waits for the test to open
   * the job's gate; `refusedFetches` counts the fetches of `test.gated` the database refused
   * (pg-boss 10's fetch statement, the one with SKIP LOCKED).
   */
  function gatedQueue() {
    schemas += 1;
    const state = {
      running: new Map<string, number>(),
      maxRunning: 0,
      maxRunningOneKey: 0,
      log: [] as string[],
      refusedFetches: 0,
      gates: new Map<string, () => void>(),
    };
    const executeSql: ExecuteSql = async (text, values) => {
      try {
        return await database.connection.executeSql(text, values);
      } catch (error) {
        if (text.includes("SKIP LOCKED") && values?.[0] === "test.gated") state.refusedFetches += 1;
        throw error;
      }
    };
    const jobs = new JobQueue(executeSql, GATED_JOBS, {
      schema: `pgboss_test_${schemas}`,
      pollingIntervalSeconds: 0.5,
    });
    queue = jobs;
    jobs.register("test.gated", async ({ text }) => {
      const key = text.slice(0, 1);
      state.running.set(key, (state.running.get(key) ?? 0) + 1);
      state.maxRunningOneKey = Math.max(state.maxRunningOneKey, state.running.get(key) ?? 0);
      state.maxRunning = Math.max(
        state.maxRunning,
        [...state.running.values()].reduce((sum, n) => sum + n, 0),
      );
      state.log.push(`start ${text}`);
      await new Promise<void>((resolve) => state.gates.set(text, resolve));
      state.log.push(`end ${text}`);
      state.running.set(key, (state.running.get(key) ?? 1) - 1);
    });
    const open = (text: string) => {
      const gate = state.gates.get(text);
      if (!gate) throw new Error(`${text} is not waiting at its gate`);
      gate();
    };
    return { jobs, state, open };
  }

  /** Sends `text` keyed by its first letter (like an Order id). */
  const keyed = (text: string) => ({ singletonKey: text.slice(0, 1) });

  it("works as many jobs at once as its concurrency, and never two of one key at once", async () => {
    const { jobs, state, open } = gatedQueue();
    await jobs.start();

    for (const text of ["a1", "b1", "c1"]) await jobs.send("test.gated", { text }, keyed(text));
    await eventually(
      async () => state.gates.size,
      (waiting) => waiting === 3,
    );
    // Three workers hold a job each: the three keys run at the same time.
    expect(state.maxRunning).toBe(3);

    // The stately policy lets a second job of key "a" wait beside the running one; the worker b1
    // frees looks at once, and pg-boss refuses it that job (a unique index on active jobs per key).
    expect(await jobs.send("test.gated", { text: "a2" }, keyed("a2"))).toEqual(expect.any(String));
    const refusedBefore = state.refusedFetches;
    open("b1");
    await eventually(
      async () => state.refusedFetches,
      (refused) => refused > refusedBefore,
    );
    expect(state.log).not.toContain("start a2");

    open("a1");
    await eventually(
      async () => state.gates.has("a2"),
      (waiting) => waiting,
    );
    open("a2");
    open("c1");
    const counts = await eventually(
      () => jobs.counts(),
      (value) => value["test.gated"].completed === 4,
    );
    expect(counts["test.gated"]).toMatchObject({ failed: 0, waiting: 0 });
    expect(state.maxRunningOneKey).toBe(1);
    expect(state.log.indexOf("end a1")).toBeLessThan(state.log.indexOf("start a2"));
  });

  it("waits for every worker's running job when it stops", async () => {
    const { jobs, state, open } = gatedQueue();
    await jobs.start();
    const ids = [];
    for (const text of ["d1", "e1", "f1"]) {
      ids.push(await jobs.send("test.gated", { text }, keyed(text)));
    }
    await eventually(
      async () => state.gates.size,
      (waiting) => waiting === 3,
    );

    let stoppedYet = false;
    const stopped = jobs.stop().then(() => {
      stoppedYet = true;
    });
    // Still stopping while the three jobs run (a stop that did not wait would be done by now;
    // one that waits cannot be, however long this takes).
    await setTimeout(300);
    expect(stoppedYet).toBe(false);
    for (const text of ["d1", "e1", "f1"]) open(text);
    await stopped;

    const { rows } = await database.connection.executeSql(
      `SELECT state FROM pgboss_test_${schemas}.job WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows).toEqual([{ state: "completed" }, { state: "completed" }, { state: "completed" }]);
  });
});
