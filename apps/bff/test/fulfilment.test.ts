import { internetCatalogSchema, installationDateWindow } from "@portal/domain";
import { FreebitClient } from "@portal/freebit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EventBus } from "../src/modules/events/event-bus.js";
import { type AppEvents } from "../src/modules/events/app-events.js";
import { FulfilmentService } from "../src/modules/fulfilment/fulfilment.service.js";
import {
  FULFILMENT_WORKFLOW,
  FulfilmentWorkflow,
  simRequestKey,
} from "../src/modules/fulfilment/fulfilment-workflow.js";
import { WorkflowRunsRepository } from "../src/modules/workflow/repositories/workflow-runs.repository.js";
import { WorkflowBusyError } from "../src/modules/workflow/workflow-busy.error.js";
import { WorkflowRunner } from "../src/modules/workflow/workflow-runner.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { type PortalClient } from "./support/portal-client.js";
import { DEMO_ACCOUNT, FulfilmentOrders, staffSimOrder } from "./support/fulfilment-orders.js";
import { startStack, type Stack } from "./support/stack.js";

/*
 * Fulfilment (issue 8, DESIGN.md §6) against the sandbox's WHMCS, Salesforce and Freebit over
 * HTTP: SIM orders (physical; eSIM with MNP), an internet order (no Freebit), a client without a
 * payment method, the same job delivered again, and a crash after (and before) each step's
 * checkpoint — each ending with one WHMCS order, one set of services, one activation per SIM line
 * and Activated once.
 */

let stack: Stack;
let demo: PortalClient;
let orders: FulfilmentOrders;

/** Stands for the process dying right after a step's checkpoint. */
class Crash extends Error {
  constructor(readonly step: string) {
    super(`crash after ${step}`);
  }
}

beforeAll(async () => {
  stack = await startStack();
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
  orders = new FulfilmentOrders(stack, demo);
});

afterAll(async () => {
  await stack?.close();
});

beforeEach(async () => {
  await stack.control.freebitActivationDelay(0);
  await stack.control.clearFaults();
});

describe("order.fulfil", () => {
  it("fulfils an approved physical-SIM order through the job: WHMCS order accepted, SIM activated, ids and Activated written back, events published, customer mailed", async () => {
    const orderId = await orders.place(await orders.simChoice("physical"));
    await orders.approve(orderId);
    const events: AppEvents["FulfillmentProgressed"][] = [];
    const unsubscribe = stack.app
      .get(EventBus)
      .subscribe("FulfillmentProgressed", (event) => void events.push(event));

    await stack.app.get(FulfilmentService).request(orderId);

    await eventually(
      () => orders.orderRow(orderId),
      (row) => row.Activation_Status__c === "Activated",
      { attempts: 300, intervalMs: 100 },
    );
    // `Activated` is written to Salesforce before its event is published (after the cache is
    // dropped and, with Redis, the update relayed): wait for the event before unsubscribing.
    await eventually(
      async () => events,
      (heard) =>
        heard.some((event) => event.step === null && event.activationStatus === "activated"),
    );
    unsubscribe();
    await orders.expectFulfilledOnce(orderId, 1);
    const statuses = events.filter((event) => event.step === null);
    expect(statuses.map((event) => event.activationStatus)).toEqual(["activating", "activated"]);
    expect(events.map((event) => event.step).filter(Boolean)).toContain("sim-completion");
    expect(events.every((event) => event.sfAccountId === DEMO_ACCOUNT)).toBe(true);
    expect(events.every((event) => event.whmcsClientId === DEMO.whmcsClientId)).toBe(true);
    const mails = await eventually(
      () => stack.control.mail(DEMO.email),
      (found) => found.some((mail) => mail.subject.includes("ご利用いただけます")),
    );
    expect(mails.find((mail) => mail.subject.includes("ご利用いただけます"))?.text).toContain(
      `/orders/${orderId}`,
    );
  });

  it("fulfils an eSIM order with MNP, waiting for Freebit's asynchronous completion without holding the run", async () => {
    const orderId = await orders.place(await orders.simChoice("esim"));
    await orders.approve(orderId);
    await stack.control.freebitActivationDelay(null);
    const service = stack.app.get(FulfilmentService);
    const runs = stack.app.get(WorkflowRunsRepository, { strict: false });
    // The app's runner waits 1 + 2 + 4 + 8 s before suspending; this one does not wait.
    const runner = new WorkflowRunner(
      runs,
      { scheduleResume: async () => {} },
      { sleep: async () => {} },
    );
    const workflow = stack.app.get(FulfilmentWorkflow, { strict: false });

    await expect(runner.run(workflow.definition, orderId, { orderId })).rejects.toThrow(
      /still processing/,
    );
    const suspended = await runner.inspect(FULFILMENT_WORKFLOW, orderId);
    expect(suspended?.run).toMatchObject({ status: "running", claimedUntil: null });
    expect(suspended?.run.error).toMatch(/^sim-completion: SIM activation still processing/);
    expect(suspended?.steps.map((step) => step.step)).toContain("sim-activation");
    expect((await orders.orderRow(orderId)).Activation_Status__c).toBe("Activating");

    const [simItem] = (await orders.itemRows(orderId)).filter(
      (item) => (item.Product2 as Record<string, unknown> | null)?.SIM_Plan_Type__c != null,
    );
    await stack.control.settleFreebitActivation(simRequestKey(orderId, String(simItem?.Id)));
    await service.fulfil(orderId, 1);

    await orders.expectFulfilledOnce(orderId, 1);
    const activation = await stack.app
      .get(FreebitClient)
      .activations.get(simRequestKey(orderId, String(simItem?.Id)));
    expect(activation).toMatchObject({ simType: "esim", state: "completed" });
  });

  it("fulfils an internet order without Freebit", async () => {
    const catalog = internetCatalogSchema.parse((await demo.get("/api/catalog/internet")).json);
    const plan = catalog.offeringTypes[0]?.plans[0];
    const orderId = await orders.place({
      category: "internet",
      planId: plan?.id ?? "",
      addOnIds: [],
      installation: {
        firstChoice: installationDateWindow(new Date()).earliest,
        secondChoice: null,
        timeSlot: "any",
      },
    });
    await orders.approve(orderId);

    await stack.app.get(FulfilmentService).fulfil(orderId, 0);

    await orders.expectFulfilledOnce(orderId, 0);
  });

  it("does nothing for an Order not Approved, and nothing more for one already Activated (the same job delivered again)", async () => {
    const orderId = await orders.place(await orders.simChoice("physical"));
    const service = stack.app.get(FulfilmentService);
    await service.fulfil(orderId, 0);
    expect((await orders.orderRow(orderId)).Activation_Status__c).toBe("Not Started");

    await orders.approve(orderId);
    // Two deliveries at once: one runs, the other finds it done or held (and would retry later).
    const outcomes = await Promise.allSettled([
      service.fulfil(orderId, 0),
      service.fulfil(orderId, 0),
    ]);
    expect(outcomes.some((outcome) => outcome.status === "fulfilled")).toBe(true);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(WorkflowBusyError);
    }
    await stack.control.resetCalls();
    await service.fulfil(orderId, 0);
    await service.request(orderId);

    await orders.expectFulfilledOnce(orderId, 1);
    expect(await stack.control.whmcsCalls("AddOrder")).toBe(0);
    expect(await stack.control.whmcsCalls("AcceptOrder")).toBe(0);
  });

  it.each(["after", "before"] as const)(
    "crashes %s every step's checkpoint, resumes, and still makes one WHMCS order, one set of services, one activation per SIM line, Activated once",
    async (when) => {
      const orderId = await orders.place(await orders.simChoice("physical"));
      await orders.approve(orderId);
      await stack.control.resetCalls();
      const runs = stack.app.get(WorkflowRunsRepository, { strict: false });
      const workflow = stack.app.get(FulfilmentWorkflow, { strict: false });
      let now = Date.now();
      const crashed = new Set<string>();
      const runner = new WorkflowRunner(
        runs,
        { scheduleResume: async () => {} },
        {
          now: () => new Date(now),
          sleep: async () => {},
          afterCheckpoint: (_key, step) => {
            if (crashed.has(step)) return;
            crashed.add(step);
            throw new Crash(step);
          },
        },
      );

      for (let attempt = 0; ; attempt += 1) {
        expect(attempt).toBeLessThan(2 * workflow.definition.steps.length);
        try {
          await runner.run(workflow.definition, orderId, { orderId });
          break;
        } catch (error) {
          if (!(error instanceof Crash)) throw error;
          if (when === "before") {
            // The effect happened, its checkpoint did not: the step runs again on resume.
            await runs.removeCheckpoint(
              { workflow: FULFILMENT_WORKFLOW, businessId: orderId },
              error.step,
            );
          }
          // The dead process's lease runs out.
          now += (workflow.definition.leaseSeconds + 1) * 1000;
        }
      }

      expect([...crashed]).toEqual(workflow.definition.steps.map((step) => step.name));
      await orders.expectFulfilledOnce(orderId, 1);
      const calls = await stack.control.calls();
      expect(calls.whmcs.AddOrder).toBe(1);
      expect(calls.freebit["/master/addAcnt/"]).toBe(1);
      const mails = await eventually(
        () => stack.control.mail(DEMO.email),
        (found) =>
          found.some(
            (mail) =>
              mail.text.includes(`/orders/${orderId}`) &&
              mail.subject.includes("ご利用いただけます"),
          ),
      );
      expect(
        mails.filter(
          (mail) =>
            mail.text.includes(`/orders/${orderId}`) && mail.subject.includes("ご利用いただけます"),
        ),
      ).toHaveLength(1);
    },
  );
});

describe("order.fulfil: failures", () => {
  it("marks the Order Failed with NO_PAYMENT_METHOD, mails the customer in their language, and dead-letters the job", async () => {
    const hanako = stack.newClient();
    const body = signupBody(UNREGISTERED.hanako);
    expect(
      (await hanako.signup(body, { headers: { "accept-language": "en-GB,en;q=0.9" } })).status,
    ).toBe(201);
    // Checkout refuses a customer without a payment method; staff can still enter such an order.
    const orderId = await staffSimOrder(
      stack,
      hanako,
      UNREGISTERED.hanako.accountId,
      `fulfilment-test-no-payment-${Date.now()}`,
    );
    await orders.approve(orderId);
    await stack.control.resetCalls();

    await expect(stack.app.get(FulfilmentService).fulfil(orderId, 0)).rejects.toThrow(
      /NO_PAYMENT_METHOD/,
    );

    expect(await orders.orderRow(orderId)).toMatchObject({
      Status: "Approved",
      Activation_Status__c: "Failed",
      Activation_Error_Code__c: "NO_PAYMENT_METHOD",
      Activation_Error_Message__c: expect.stringContaining("no usable payment method"),
      WHMCS_Order_ID__c: null,
    });
    expect(await stack.control.whmcsCalls("AddOrder")).toBe(0);
    const mails = await eventually(
      () => stack.control.mail(String(body.email)),
      (found) => found.some((mail) => mail.subject.includes("could not activate")),
    );
    expect(mails.find((mail) => mail.subject.includes("could not activate"))?.text).toContain(
      "Payment methods",
    );
  });
});
