import { Logger } from "@nestjs/common";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { eventually } from "../../../test/support/eventually.js";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.js";
import { DeadLetterError } from "./dead-letter-error.js";
import { type JobDefinitions } from "./job-definition.js";
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

let database: TestDatabase;
let queue: JobQueue<typeof TEST_JOBS> | undefined;
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
  queue = new JobQueue(database.connection.executeSql, TEST_JOBS, {
    schema: `pgboss_test_${schemas}`,
    pollingIntervalSeconds,
  });
  return queue;
}

describe("JobQueue (pg-boss 10 on the BFF database)", () => {
  it("refuses to start while a job has no handler, naming it", async () => {
    const jobs = newQueue();
    jobs.register("test.echo", async () => undefined);

    await expect(jobs.start()).rejects.toThrow(/test\.flaky/);
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
