import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../src/modules/database/database.js";
import { MfaRepository } from "../src/modules/auth/repositories/mfa.repository.js";
import { mfaChallenges } from "../src/modules/auth/schema/mfa.js";
import { users } from "../src/modules/identity/schema/users.js";
import { type AppJobs } from "../src/modules/queue/app-jobs.js";
import { JobQueue } from "../src/modules/queue/job-queue.js";
import { DEMO } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

describe("mfa.challenges.prune", () => {
  it("deletes login challenges past their expiry with the scheduled job and keeps live ones", async () => {
    const { db } = stack.app.get<DatabaseConnection>(DATABASE_CONNECTION);
    const [demo] = await db.select().from(users).where(eq(users.email, DEMO.email));
    if (!demo) {
      throw new Error("the demo user is seeded in every test stack");
    }
    const repository = stack.app.get(MfaRepository);
    const now = Date.now();
    const expired = await repository.openChallenge(demo.id, new Date(now - 60_000));
    const spent = await repository.openChallenge(demo.id, new Date(now - 1000));
    await repository.spendChallenge(spent.id, new Date(now - 2000));
    const live = await repository.openChallenge(demo.id, new Date(now + 5 * 60_000));
    const ids = [expired.id, spent.id, live.id];

    await stack.app.get<JobQueue<AppJobs>>(JobQueue).send("mfa.challenges.prune", {});

    const left = await eventually(
      () => db.select().from(mfaChallenges).where(inArray(mfaChallenges.id, ids)),
      (rows) => rows.length === 1,
      { attempts: 200 },
    );
    expect(left.map((row) => row.id)).toEqual([live.id]);
  });
});
