import { Logger } from "@nestjs/common";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.js";
import { type RunKey, WorkflowRunsRepository } from "./repositories/workflow-runs.repository.js";
import { PermanentError } from "./permanent-error.js";
import { WorkflowBusyError } from "./workflow-busy.error.js";
import { type WorkflowDefinition, type WorkflowStep } from "./workflow-definition.js";
import {
  type ResumeScheduler,
  WorkflowRunner,
  type WorkflowRunnerOptions,
} from "./workflow-runner.js";

const LEASE_SECONDS = 60;
const input = z.object({ label: z.string() });
type Input = z.infer<typeof input>;

/** Stands for the process dying right after a checkpoint. */
class Crash extends Error {}

/** A fake workflow of three steps whose behaviour each test scripts; records every call. */
class FakeWorkflow {
  readonly calls: string[] = [];
  readonly keys: string[] = [];
  /** Per step: errors to throw on the next invocations, in order. */
  readonly failures = new Map<string, Error[]>();
  /** Steps whose compensation throws once. */
  readonly failingCompensations = new Set<string>();

  private step(name: string): WorkflowStep<Input, { made: string }> {
    return {
      name,
      output: z.object({ made: z.string() }),
      retry: { attempts: 3, backoffMs: 100 },
      invoke: async (ctx) => {
        this.calls.push(`invoke ${name}`);
        this.keys.push(ctx.idempotencyKey);
        const error = this.failures.get(name)?.shift();
        if (error) {
          throw error;
        }
        return { made: `${name}(${ctx.input.label})` };
      },
      compensate: async (_ctx, output) => {
        if (this.failingCompensations.delete(name)) {
          throw new Error(`cannot undo ${name}`);
        }
        this.calls.push(`undo ${output.made}`);
      },
    };
  }

  private readonly first = this.step("first");
  private readonly second = this.step("second");
  private readonly third = this.step("third");

  readonly definition: WorkflowDefinition<Input, string[]> = {
    name: "fake",
    input,
    steps: [this.first, this.second, this.third],
    result: (ctx) => [this.first, this.second, this.third].map((s) => ctx.outputOf(s).made),
    leaseSeconds: LEASE_SECONDS,
    keepCompleted: true,
  };
}

let database: TestDatabase;
let runs: WorkflowRunsRepository;
let scheduled: { key: RunKey; afterSeconds: number }[];
let sleeps: number[];
const scheduler: ResumeScheduler = {
  async scheduleResume(key, afterSeconds) {
    scheduled.push({ key, afterSeconds });
  },
};

function runner(options: WorkflowRunnerOptions = {}): WorkflowRunner {
  return new WorkflowRunner(runs, scheduler, {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
}

/** A runner whose clock is `seconds` ahead: the leases of the others have run out for it. */
function later(seconds: number): WorkflowRunnerOptions {
  return { now: () => new Date(Date.now() + seconds * 1000) };
}

function crashAfter(step: string): WorkflowRunnerOptions {
  return {
    afterCheckpoint: (_key, finished) => {
      if (finished === step) {
        throw new Crash(`crashed after ${step}`);
      }
    },
  };
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

// One database for the file: every test uses business ids of its own.
beforeAll(async () => {
  database = await openTestDatabase();
  runs = new WorkflowRunsRepository(database.connection);
});

beforeEach(() => {
  scheduled = [];
  sleeps = [];
});

afterAll(async () => {
  await database?.close();
});

describe("WorkflowRunner", () => {
  it("runs the steps in order, checkpoints each, and asks for a resume after the lease", async () => {
    const fake = new FakeWorkflow();

    const outcome = await runner().run(fake.definition, "B-1", { label: "x" });

    expect(outcome).toEqual({
      result: ["first(x)", "second(x)", "third(x)"],
      input: { label: "x" },
      resumed: false,
    });
    expect(fake.calls).toEqual(["invoke first", "invoke second", "invoke third"]);
    expect(fake.keys).toEqual(["B-1:first", "B-1:second", "B-1:third"]);
    expect(scheduled).toEqual([
      { key: { workflow: "fake", businessId: "B-1" }, afterSeconds: LEASE_SECONDS },
    ]);
    const key = { workflow: "fake", businessId: "B-1" };
    expect((await runs.checkpoints(key)).map((row) => row.step).sort()).toEqual([
      "first",
      "second",
      "third",
    ]);
    expect(await runs.find(key)).toMatchObject({ status: "completed", claimedUntil: null });
  });

  it("suspends a run whose step keeps failing transiently (onRetriesExhausted: suspend): checkpoints and error kept, nothing compensated, lease released; the next run resumes at that step", async () => {
    const fake = new FakeWorkflow();
    const definition = {
      ...fake.definition,
      name: "fake-suspend",
      onRetriesExhausted: "suspend",
    } as const;
    fake.failures.set("second", [new Error("busy"), new Error("busy"), new Error("still busy")]);
    const key = { workflow: "fake-suspend", businessId: "B-suspend" };

    await expect(runner().run(definition, "B-suspend", { label: "s" })).rejects.toThrow(
      "still busy",
    );

    expect(fake.calls).toEqual(["invoke first", "invoke second", "invoke second", "invoke second"]);
    expect(await runs.find(key)).toMatchObject({
      status: "running",
      error: "second: still busy",
      claimedUntil: null,
    });
    expect((await runs.checkpoints(key)).map((row) => row.step)).toEqual(["first"]);
    expect(await runner().inspect("fake-suspend", "B-suspend")).toMatchObject({
      run: { status: "running" },
      steps: [{ step: "first", output: { made: "first(s)" } }],
    });

    const outcome = await runner().run(definition, "B-suspend", { label: "other" });

    expect(outcome).toMatchObject({ resumed: true, input: { label: "s" } });
    expect(fake.calls.slice(4)).toEqual(["invoke second", "invoke third"]);
    expect(await runs.find(key)).toMatchObject({ status: "completed" });
  });

  it("still compensates a permanent failure of a suspending workflow", async () => {
    const fake = new FakeWorkflow();
    const definition = {
      ...fake.definition,
      name: "fake-suspend",
      onRetriesExhausted: "suspend",
    } as const;
    fake.failures.set("second", [new PermanentError("refused")]);

    await expect(runner().run(definition, "B-suspend-2", { label: "p" })).rejects.toThrow(
      "refused",
    );

    expect(fake.calls).toEqual(["invoke first", "invoke second", "undo first(p)"]);
    expect(await runs.find({ workflow: "fake-suspend", businessId: "B-suspend-2" })).toMatchObject({
      status: "failed",
    });
  });

  it("answers a completed run again from its checkpoints without invoking anything", async () => {
    const fake = new FakeWorkflow();
    await runner().run(fake.definition, "B-1b", { label: "x" });

    const again = await runner().run(fake.definition, "B-1b", { label: "other" });

    expect(again).toEqual({
      result: ["first(x)", "second(x)", "third(x)"],
      input: { label: "x" },
      resumed: true,
    });
    expect(fake.calls).toHaveLength(3);
  });

  it.each(["first", "second"])(
    "resumes a run that died after %s: the finished steps are never invoked again",
    async (crashedAfter) => {
      const fake = new FakeWorkflow();
      await expect(
        runner(crashAfter(crashedAfter)).run(fake.definition, `B-2-${crashedAfter}`, {
          label: "y",
        }),
      ).rejects.toThrow(Crash);
      const invokedBefore = fake.calls.length;

      const fresh = runner(later(LEASE_SECONDS + 1));
      fresh.define(fake.definition);
      const outcome = await fresh.resume("fake", `B-2-${crashedAfter}`);

      expect(outcome).toEqual({ kind: "finished" });
      const steps = ["first", "second", "third"];
      expect(fake.calls).toEqual(steps.map((step) => `invoke ${step}`));
      expect(invokedBefore).toBe(steps.indexOf(crashedAfter) + 1);
      expect(
        await runs.find({ workflow: "fake", businessId: `B-2-${crashedAfter}` }),
      ).toMatchObject({
        status: "completed",
      });
    },
  );

  it("lets a new caller of a dead run continue it with the run's own input", async () => {
    const fake = new FakeWorkflow();
    await expect(
      runner(crashAfter("first")).run(fake.definition, "B-3", { label: "original" }),
    ).rejects.toThrow(Crash);

    const outcome = await runner(later(LEASE_SECONDS + 1)).run(fake.definition, "B-3", {
      label: "newcomer",
    });

    expect(outcome).toEqual({
      result: ["first(original)", "second(original)", "third(original)"],
      input: { label: "original" },
      resumed: true,
    });
    expect(fake.calls.filter((call) => call === "invoke first")).toHaveLength(1);
  });

  it("refuses a run whose lease another process holds, and a resume reports it busy", async () => {
    const fake = new FakeWorkflow();
    await expect(
      runner(crashAfter("first")).run(fake.definition, "B-4", { label: "z" }),
    ).rejects.toThrow(Crash);

    await expect(runner().run(fake.definition, "B-4", { label: "z" })).rejects.toBeInstanceOf(
      WorkflowBusyError,
    );
    const resumer = runner();
    resumer.define(fake.definition);
    expect(await resumer.resume("fake", "B-4")).toMatchObject({ kind: "busy" });
    expect(fake.calls).toEqual(["invoke first"]);
  });

  it("retries a step with doubling backoff and carries on when it succeeds", async () => {
    const fake = new FakeWorkflow();
    fake.failures.set("second", [new Error("timeout"), new Error("503")]);

    const outcome = await runner().run(fake.definition, "B-5", { label: "r" });

    expect(outcome.result).toEqual(["first(r)", "second(r)", "third(r)"]);
    expect(sleeps).toEqual([100, 200]);
    expect(fake.calls.filter((call) => call === "invoke second")).toHaveLength(3);
  });

  it("on a permanent failure compensates the finished steps in reverse order and rethrows the cause", async () => {
    const fake = new FakeWorkflow();
    const refusal = new Error("upstream refused");
    fake.failures.set("third", [new PermanentError("refused", { cause: refusal })]);

    await expect(runner().run(fake.definition, "B-6", { label: "p" })).rejects.toBe(refusal);

    expect(fake.calls).toEqual([
      "invoke first",
      "invoke second",
      "invoke third",
      "undo second(p)",
      "undo first(p)",
    ]);
    expect(sleeps).toEqual([]);
    const key = { workflow: "fake", businessId: "B-6" };
    expect(await runs.checkpoints(key)).toEqual([]);
    expect(await runs.find(key)).toMatchObject({ status: "failed", claimedUntil: null });
  });

  it("compensates once a retryable error has used up the attempts, and a new run starts afresh", async () => {
    const fake = new FakeWorkflow();
    fake.failures.set("second", [new Error("a"), new Error("b"), new Error("c")]);

    await expect(runner().run(fake.definition, "B-7", { label: "one" })).rejects.toThrow("c");
    expect(fake.calls.slice(-1)).toEqual(["undo first(one)"]);

    const retried = await runner().run(fake.definition, "B-7", { label: "two" });

    expect(retried).toEqual({
      result: ["first(two)", "second(two)", "third(two)"],
      input: { label: "two" },
      resumed: false,
    });
  });

  it("leaves a failed compensation for the resume, which finishes it without redoing the undone", async () => {
    const fake = new FakeWorkflow();
    fake.failures.set("third", [new PermanentError("no")]);
    fake.failingCompensations.add("first");

    await expect(runner().run(fake.definition, "B-8", { label: "c" })).rejects.toThrow("no");
    const key = { workflow: "fake", businessId: "B-8" };
    expect(await runs.find(key)).toMatchObject({ status: "compensating" });

    const fresh = runner();
    fresh.define(fake.definition);
    expect(await fresh.resume("fake", "B-8")).toEqual({ kind: "finished" });

    expect(fake.calls.filter((call) => call.startsWith("undo"))).toEqual([
      "undo second(c)",
      "undo first(c)",
    ]);
    expect(await runs.find(key)).toMatchObject({ status: "failed" });
  });

  it("deletes a completed run that is not to be kept, so its business id may run again", async () => {
    const fake = new FakeWorkflow();
    const definition = { ...fake.definition, name: "fake-forgetful", keepCompleted: false };
    await runner().run(definition, "B-10", { label: "once" });
    expect(await runs.find({ workflow: "fake-forgetful", businessId: "B-10" })).toBeNull();

    const again = await runner().run(definition, "B-10", { label: "twice" });

    expect(again).toMatchObject({ input: { label: "twice" }, resumed: false });
    expect(fake.calls.filter((call) => call === "invoke first")).toHaveLength(2);
  });

  it("finds nothing to resume for an unknown run or a completed one", async () => {
    const fake = new FakeWorkflow();
    const instance = runner();
    await instance.run(fake.definition, "B-9", { label: "d" });

    expect(await instance.resume("fake", "B-9")).toEqual({ kind: "nothing-to-do" });
    expect(await instance.resume("fake", "nobody")).toEqual({ kind: "nothing-to-do" });
    await expect(instance.resume("unknown", "B-9")).rejects.toThrow(/Unknown workflow/);
  });
});
