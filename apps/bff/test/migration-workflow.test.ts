import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MigrationInput, MigrationWorkflow } from "../src/modules/auth/migration-workflow.js";
import { PasswordHasher } from "../src/modules/auth/password-hasher.js";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../src/modules/database/database.js";
import { WorkflowRunsRepository } from "../src/modules/workflow/repositories/workflow-runs.repository.js";
import { idMappings } from "../src/modules/identity/schema/id-mappings.js";
import { users } from "../src/modules/identity/schema/users.js";
import { type AppJobs } from "../src/modules/queue/app-jobs.js";
import { JobQueue } from "../src/modules/queue/job-queue.js";
import { WorkflowRunner } from "../src/modules/workflow/workflow-runner.js";
import { expectApiError } from "./support/api-error.js";
import { eventually } from "./support/eventually.js";
import { newUnregisteredAccount } from "./support/salesforce-accounts.js";
import { startStack, type Stack } from "./support/stack.js";

/**
 * The migration workflow killed between every pair of its steps (decision 0036): a runner that
 * "dies" right after step k (no compensation, its lease left to expire), then the BFF's own
 * resume job on the same database, as after a restart. Whatever k, the result is exactly one
 * portal user, one id mapping and one Salesforce link with `Portal_Registration_Source__c =
 * Migrated`.
 */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

/** Stands for the process dying. */
class Crash extends Error {}

/** The steps after which the process dies: every step but the last. */
const KILL_POINTS = ["portal-user", "salesforce-link"];

const NEW_PASSWORD = "Portal2026!new";

/** Salesforce Account updates (the link) seen by the sandbox so far. */
async function accountUpdates(): Promise<number> {
  const { salesforce } = await stack.control.calls();
  return Object.entries(salesforce)
    .filter(([key]) => key.startsWith("PATCH") && key.includes("/sobjects/Account/"))
    .reduce((sum, [, count]) => sum + count, 0);
}

/**
 * A WHMCS client with its Account, and the workflow input MigrationService would build from the
 * ticket of its login.
 */
async function migratingCustomer(index: number): Promise<MigrationInput> {
  const email = `killed.migration.${index}@example.jp`;
  const added = await stack.whmcs.call("AddClient", {
    firstname: "Mei",
    lastname: `Killed${index}`,
    email,
    password2: `Old-pass-${index}`,
    skipvalidation: "true",
  });
  const billingClientId = Number(added.clientid);
  const customerNumber = `60000${index}`;
  const accountId = await newUnregisteredAccount(stack, customerNumber, {
    WH_Account__c: String(billingClientId),
  });
  return {
    billingClientId,
    accountId,
    customerNumber,
    email,
    firstName: "Mei",
    lastName: `Killed${index}`,
    passwordHash: await stack.app.get(PasswordHasher).hash(NEW_PASSWORD),
    ip: null,
    userAgent: "kill-test",
  };
}

/** Runs the workflow in a runner whose lease has already run out and which dies after `step`. */
async function runAndDieAfter(step: string, input: MigrationInput): Promise<void> {
  const dying = new WorkflowRunner(
    stack.app.get(WorkflowRunsRepository),
    { scheduleResume: async () => undefined },
    {
      now: () => new Date(Date.now() - 10 * 60_000),
      afterCheckpoint: (_key, finished) => {
        if (finished === step) {
          throw new Crash(`died after ${step}`);
        }
      },
    },
  );
  await expect(
    dying.run(stack.app.get(MigrationWorkflow).definition, input.customerNumber, input),
  ).rejects.toBeInstanceOf(Crash);
}

describe("migration killed between steps", () => {
  it.each(KILL_POINTS.map((step, index) => [step, index] as const))(
    "after %s: the resume job finishes it with one of everything",
    async (step, index) => {
      const input = await migratingCustomer(index);
      const linksBefore = await accountUpdates();
      await runAndDieAfter(step, input);

      const queue = stack.app.get<JobQueue<AppJobs>>(JobQueue);
      await queue.send("workflow.resume", {
        workflow: "migration",
        businessId: input.customerNumber,
      });
      const runs = stack.app.get(WorkflowRunsRepository);
      await eventually(
        () => runs.find({ workflow: "migration", businessId: input.customerNumber }),
        (run) => run === null,
        { attempts: 200 },
      );

      const { db } = stack.app.get<DatabaseConnection>(DATABASE_CONNECTION);
      const mappings = await db
        .select()
        .from(idMappings)
        .where(eq(idMappings.customerNumber, input.customerNumber));
      expect(mappings).toHaveLength(1);
      expect(mappings[0]?.whmcsClientId).toBe(input.billingClientId);
      expect(await db.select().from(users).where(eq(users.email, input.email))).toHaveLength(1);
      expect((await stack.newClient().login(input.email, NEW_PASSWORD)).status).toBe(200);

      const [account] = await stack.salesforce.query(
        `SELECT Portal_Status__c, Portal_Registration_Source__c, WH_Account__c FROM Account WHERE Id = '${input.accountId}'`,
      );
      expect(account).toMatchObject({
        Portal_Status__c: "Active",
        Portal_Registration_Source__c: "Migrated",
        WH_Account__c: String(input.billingClientId),
      });
      expect((await accountUpdates()) - linksBefore).toBe(1);

      // The customer's old login now finds a registered account.
      expectApiError(
        await stack.newClient().post("/api/auth/migrate", {
          email: input.email,
          password: `Old-pass-${index}`,
        }),
        409,
        "ALREADY_REGISTERED",
      );
      expect(await stack.app.get(WorkflowRunner).resume("migration", input.customerNumber)).toEqual(
        { kind: "nothing-to-do" },
      );
    },
  );
});
