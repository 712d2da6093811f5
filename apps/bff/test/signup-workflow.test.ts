import { signupRequestSchema } from "@portal/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type z } from "zod";
import { PasswordHasher } from "../src/modules/auth/password-hasher.js";
import { type SignupInput, SignupWorkflow } from "../src/modules/auth/signup-workflow.js";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../src/modules/database/database.js";
import { WorkflowRunsRepository } from "../src/modules/workflow/repositories/workflow-runs.repository.js";
import { idMappings } from "../src/modules/identity/schema/id-mappings.js";
import { users } from "../src/modules/identity/schema/users.js";
import { type AppJobs } from "../src/modules/queue/app-jobs.js";
import { JobQueue } from "../src/modules/queue/job-queue.js";
import { WorkflowRunner } from "../src/modules/workflow/workflow-runner.js";
import { expectApiError } from "./support/api-error.js";
import { signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { newUnregisteredAccount } from "./support/salesforce-accounts.js";
import { startStack, type Stack } from "./support/stack.js";

/** The sign-up form as the workflow sees it: the e-mailed code was checked before it started. */
const signupFormSchema = signupRequestSchema.omit({ code: true });
type SignupForm = z.infer<typeof signupFormSchema>;

/**
 * Sign-up killed between every pair of its steps (decision 0013): a runner that "dies" right after
 * step k (no compensation, its lease left to expire) and then the BFF's own resume job on the same
 * database, as after a restart. Whatever k, the result is exactly one WHMCS client, one portal
 * user, one id mapping and one Salesforce link.
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
const KILL_POINTS = ["billing-client", "portal-user", "salesforce-link"];

/** Salesforce Account updates (the link) seen by the sandbox so far. */
async function accountUpdates(): Promise<number> {
  const { salesforce } = await stack.control.calls();
  return Object.entries(salesforce)
    .filter(([key]) => key.startsWith("PATCH") && key.includes("/sobjects/Account/"))
    .reduce((sum, [, count]) => sum + count, 0);
}

/** The workflow input SignupService would build for `request` on Account `accountId`. */
async function inputFor(request: SignupForm, accountId: string): Promise<SignupInput> {
  const { password, ...form } = request;
  const passwordHash = await stack.app.get(PasswordHasher).hash(password);
  return { ...form, accountId, passwordHash, ip: null, userAgent: "kill-test", locale: "ja" };
}

/**
 * Runs the sign-up workflow in a runner whose clock is 10 minutes behind (so its lease has already
 * run out for everyone else) and which dies right after `step`.
 */
async function runAndDieAfter(step: string, customerNumber: string, input: SignupInput) {
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
    dying.run(stack.app.get(SignupWorkflow).definition, customerNumber, input),
  ).rejects.toBeInstanceOf(Crash);
}

/** Asserts exactly one of everything for `request`'s sign-up on Account `accountId`. */
async function expectRegisteredOnce(
  request: SignupForm,
  accountId: string,
  addClientsBefore: number,
  linksBefore: number,
): Promise<void> {
  const clientIds = await stack.whmcs.clientIdsByEmail(request.email);
  expect(clientIds).toHaveLength(1);
  expect((await stack.control.whmcsCalls("AddClient")) - addClientsBefore).toBe(1);

  const { db } = stack.app.get<DatabaseConnection>(DATABASE_CONNECTION);
  const mappings = await db
    .select()
    .from(idMappings)
    .where(eq(idMappings.customerNumber, request.customerNumber));
  expect(mappings).toHaveLength(1);
  expect(mappings[0]?.whmcsClientId).toBe(clientIds[0]);
  expect(await db.select().from(users).where(eq(users.email, request.email))).toHaveLength(1);
  expect((await stack.newClient().login(request.email, request.password)).status).toBe(200);

  const account = await stack.salesforce.account(accountId);
  expect(account.Portal_Status__c).toBe("Active");
  expect(String(account.WH_Account__c)).toBe(String(clientIds[0]));
  expect((await accountUpdates()) - linksBefore).toBe(1);
}

describe("sign-up killed between steps", () => {
  it.each(KILL_POINTS.map((step, index) => [step, index] as const))(
    "after %s: the resume job finishes it with one of everything",
    async (step, index) => {
      const customerNumber = `30000${index}`;
      const accountId = await newUnregisteredAccount(stack, customerNumber);
      const request = signupFormSchema.parse(
        signupBody(UNREGISTERED.kenji, { customerNumber, email: `killed.${index}@example.jp` }),
      );
      const addClientsBefore = await stack.control.whmcsCalls("AddClient");
      const linksBefore = await accountUpdates();
      await runAndDieAfter(step, customerNumber, await inputFor(request, accountId));

      const queue = stack.app.get<JobQueue<AppJobs>>(JobQueue);
      await queue.send("workflow.resume", { workflow: "signup", businessId: customerNumber });
      const runs = stack.app.get(WorkflowRunsRepository);
      // A completed sign-up run is deleted (the id mapping is its record).
      await eventually(
        () => runs.find({ workflow: "signup", businessId: customerNumber }),
        (run) => run === null,
        { attempts: 200 },
      );

      await expectRegisteredOnce(request, accountId, addClientsBefore, linksBefore);
      expectApiError(await stack.newClient().signup(request), 409, "ALREADY_REGISTERED");
      expect(await stack.app.get(WorkflowRunner).resume("signup", customerNumber)).toEqual({
        kind: "nothing-to-do",
      });
    },
  );

  it("lets the customer's own retry finish a sign-up that died, and answers it with a session", async () => {
    const customerNumber = "300010";
    const accountId = await newUnregisteredAccount(stack, customerNumber);
    const body = signupBody(UNREGISTERED.kenji, { customerNumber, email: "retry.self@example.jp" });
    const request = signupFormSchema.parse(body);
    const addClientsBefore = await stack.control.whmcsCalls("AddClient");
    const linksBefore = await accountUpdates();
    await runAndDieAfter("portal-user", customerNumber, await inputFor(request, accountId));

    const retried = await stack.newClient().signup(body);

    expect(retried.status).toBe(201);
    await expectRegisteredOnce(request, accountId, addClientsBefore, linksBefore);
  });

  it("finishes the earlier sign-up but refuses a retry that brings other credentials", async () => {
    const customerNumber = "300011";
    const accountId = await newUnregisteredAccount(stack, customerNumber);
    const first = signupFormSchema.parse(
      signupBody(UNREGISTERED.kenji, { customerNumber, email: "first.owner@example.jp" }),
    );
    const addClientsBefore = await stack.control.whmcsCalls("AddClient");
    const linksBefore = await accountUpdates();
    await runAndDieAfter("billing-client", customerNumber, await inputFor(first, accountId));

    const other = await stack
      .newClient()
      .signup(signupBody(UNREGISTERED.kenji, { customerNumber, email: "someone.else@example.jp" }));

    expectApiError(other, 409, "ALREADY_REGISTERED");
    await expectRegisteredOnce(first, accountId, addClientsBefore, linksBefore);
    expect(await stack.whmcs.clientIdsByEmail("someone.else@example.jp")).toEqual([]);
  });
});
