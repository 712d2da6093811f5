import {
  japanDate,
  type OrderChoice,
  orderDetailSchema,
  quoteOrder,
  type SimCatalog,
  simCatalogSchema,
  internetCatalogSchema,
  installationDateWindow,
} from "@portal/domain";
import { FreebitClient } from "@portal/freebit";
import { SalesforceClient } from "@portal/salesforce";
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
import { startStack, type Stack } from "./support/stack.js";

/*
 * Fulfilment (issue 8, DESIGN.md §6) against the sandbox's WHMCS, Salesforce and Freebit over
 * HTTP: SIM orders (physical; eSIM with MNP), an internet order (no Freebit), a client without a
 * payment method, the same job delivered again, and a crash after (and before) each step's
 * checkpoint — each ending with one WHMCS order, one set of services, one activation per SIM line
 * and Activated once.
 */

const DEMO_ACCOUNT = "001DEMO00000001YDA";
const EID = "89049032000001000000000000000002";
const MNP = {
  reservationNumber: "2234567890",
  expiresOn: japanDate(new Date(), 10),
  lastName: "山田",
  firstName: "花子",
  lastNameKana: "ヤマダ",
  firstNameKana: "ハナコ",
  birthdate: "1988-02-03",
  gender: "female",
} as const;

let stack: Stack;
let demo: PortalClient;
let keyCounter = 0;

async function simCatalog(): Promise<SimCatalog> {
  return simCatalogSchema.parse((await demo.get("/api/catalog/sim")).json);
}

/** Places `choice` as the demo customer through checkout; returns the Order Id. */
async function place(choice: OrderChoice): Promise<string> {
  const catalog =
    choice.category === "sim"
      ? await simCatalog()
      : internetCatalogSchema.parse((await demo.get("/api/catalog/internet")).json);
  keyCounter += 1;
  const response = await demo.post(
    "/api/orders",
    { ...choice, expectedTotals: quoteOrder(choice, catalog as never).totals },
    { headers: { "idempotency-key": `fulfilment-test-${Date.now()}-${keyCounter}` } },
  );
  expect(response.status).toBe(201);
  return orderDetailSchema.parse(response.json).id;
}

async function simChoice(simType: "physical" | "esim"): Promise<OrderChoice> {
  const catalog = await simCatalog();
  const plan = catalog.plans.find((candidate) => candidate.simPlanType === "voice");
  if (!plan) throw new Error("The seeded SIM catalog has no voice plan");
  return {
    category: "sim",
    planId: plan.id,
    simType,
    eid: simType === "esim" ? EID : null,
    voiceOptionIds: [],
    addOnIds: [],
    mnp: simType === "esim" ? MNP : null,
  };
}

/** Staff approve the Order in Salesforce. */
async function approve(orderId: string): Promise<void> {
  await stack.salesforce.update("Order", orderId, { Status: "Approved" });
}

async function orderRow(orderId: string): Promise<Record<string, unknown>> {
  const [row] = await stack.salesforce.query(
    `SELECT Id, Status, Activation_Status__c, Activation_Error_Code__c, Activation_Error_Message__c, WHMCS_Order_ID__c FROM Order WHERE Id = '${orderId}'`,
  );
  if (!row) throw new Error(`No Order ${orderId}`);
  return row;
}

async function itemRows(orderId: string): Promise<Record<string, unknown>[]> {
  return stack.salesforce.query(
    `SELECT Id, WHMCS_Service_ID__c, Product2.WH_Product_ID__c, Product2.SIM_Plan_Type__c FROM OrderItem WHERE OrderId = '${orderId}'`,
  );
}

/** How often Activation_Status__c became `value` (OrderHistory). */
async function activationChanges(orderId: string, value: string): Promise<number> {
  const rows = await stack.salesforce.query(
    `SELECT Id, Field, NewValue FROM OrderHistory WHERE OrderId = '${orderId}'`,
  );
  return rows.filter((row) => row.Field === "Activation_Status__c" && row.NewValue === value)
    .length;
}

/** The WHMCS orders of the demo client whose services carry `orderId` as reference. */
async function whmcsOrdersFor(clientId: number, orderId: string): Promise<Set<number>> {
  const body = (await stack.whmcs.call("GetClientsProducts", {
    clientid: String(clientId),
    limitnum: "1000",
  })) as {
    products?: {
      product?: {
        orderid: number | string;
        customfields?: { customfield?: { name: string; value: string }[] };
      }[];
    };
  };
  const orders = new Set<number>();
  for (const service of body.products?.product ?? []) {
    if (service.customfields?.customfield?.some((field) => field.value === orderId)) {
      orders.add(Number(service.orderid));
    }
  }
  return orders;
}

/** The WHMCS services of WHMCS order `whmcsOrderId`. */
async function servicesOf(clientId: number, whmcsOrderId: number) {
  const body = (await stack.whmcs.call("GetClientsProducts", {
    clientid: String(clientId),
    limitnum: "1000",
  })) as {
    products?: { product?: { id: number | string; orderid: number | string; status: string }[] };
  };
  return (body.products?.product ?? []).filter(
    (service) => Number(service.orderid) === whmcsOrderId,
  );
}

/** Checks everything a fulfilled SIM or internet Order must show, once. */
async function expectFulfilledOnce(orderId: string, simLines: number): Promise<void> {
  const order = await orderRow(orderId);
  expect(order).toMatchObject({
    Status: "Activated",
    Activation_Status__c: "Activated",
    Activation_Error_Code__c: null,
  });
  const whmcsOrderId = Number(order.WHMCS_Order_ID__c);
  expect([...(await whmcsOrdersFor(DEMO.whmcsClientId, orderId))]).toEqual([whmcsOrderId]);
  const services = await servicesOf(DEMO.whmcsClientId, whmcsOrderId);
  const items = await itemRows(orderId);
  const billed = items.filter(
    (item) => (item.Product2 as Record<string, unknown> | null)?.WH_Product_ID__c != null,
  );
  expect(services).toHaveLength(billed.length);
  expect(services.every((service) => service.status === "Active")).toBe(true);
  expect(billed.map((item) => Number(item.WHMCS_Service_ID__c)).sort()).toEqual(
    services.map((service) => Number(service.id)).sort(),
  );
  const freebit = stack.app.get(FreebitClient);
  const simItems = items.filter(
    (item) => (item.Product2 as Record<string, unknown> | null)?.SIM_Plan_Type__c != null,
  );
  expect(simItems).toHaveLength(simLines);
  for (const item of simItems) {
    const activation = await freebit.activations.get(simRequestKey(orderId, String(item.Id)));
    expect(activation?.state).toBe("completed");
  }
  expect(await activationChanges(orderId, "Activated")).toBe(1);
}

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
    const orderId = await place(await simChoice("physical"));
    await approve(orderId);
    const events: AppEvents["FulfillmentProgressed"][] = [];
    const unsubscribe = stack.app
      .get(EventBus)
      .subscribe("FulfillmentProgressed", (event) => void events.push(event));

    await stack.app.get(FulfilmentService).request(orderId);

    await eventually(
      () => orderRow(orderId),
      (row) => row.Activation_Status__c === "Activated",
      { attempts: 300, intervalMs: 100 },
    );
    unsubscribe();
    await expectFulfilledOnce(orderId, 1);
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
    const orderId = await place(await simChoice("esim"));
    await approve(orderId);
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
    expect((await orderRow(orderId)).Activation_Status__c).toBe("Activating");

    const [simItem] = (await itemRows(orderId)).filter(
      (item) => (item.Product2 as Record<string, unknown> | null)?.SIM_Plan_Type__c != null,
    );
    await stack.control.settleFreebitActivation(simRequestKey(orderId, String(simItem?.Id)));
    await service.fulfil(orderId, 1);

    await expectFulfilledOnce(orderId, 1);
    const activation = await stack.app
      .get(FreebitClient)
      .activations.get(simRequestKey(orderId, String(simItem?.Id)));
    expect(activation).toMatchObject({ simType: "esim", state: "completed" });
  });

  it("fulfils an internet order without Freebit", async () => {
    const catalog = internetCatalogSchema.parse((await demo.get("/api/catalog/internet")).json);
    const plan = catalog.offeringTypes[0]?.plans[0];
    const orderId = await place({
      category: "internet",
      planId: plan?.id ?? "",
      addOnIds: [],
      installation: {
        firstChoice: installationDateWindow(new Date()).earliest,
        secondChoice: null,
        timeSlot: "any",
      },
    });
    await approve(orderId);

    await stack.app.get(FulfilmentService).fulfil(orderId, 0);

    await expectFulfilledOnce(orderId, 0);
  });

  it("does nothing for an Order not Approved, and nothing more for one already Activated (the same job delivered again)", async () => {
    const orderId = await place(await simChoice("physical"));
    const service = stack.app.get(FulfilmentService);
    await service.fulfil(orderId, 0);
    expect((await orderRow(orderId)).Activation_Status__c).toBe("Not Started");

    await approve(orderId);
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

    await expectFulfilledOnce(orderId, 1);
    expect(await stack.control.whmcsCalls("AddOrder")).toBe(0);
    expect(await stack.control.whmcsCalls("AcceptOrder")).toBe(0);
  });

  it.each(["after", "before"] as const)(
    "crashes %s every step's checkpoint, resumes, and still makes one WHMCS order, one set of services, one activation per SIM line, Activated once",
    async (when) => {
      const orderId = await place(await simChoice("physical"));
      await approve(orderId);
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
      await expectFulfilledOnce(orderId, 1);
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
    const catalog = simCatalogSchema.parse((await hanako.get("/api/catalog/sim")).json);
    const plan = catalog.plans.find((candidate) => candidate.simPlanType === "data");
    const [pricebook] = await stack.salesforce.query(
      "SELECT Id FROM Pricebook2 WHERE Name = 'Portal'",
    );
    // Checkout refuses a customer without a payment method; staff can still enter such an order.
    const { orderId } = await stack.app.get(SalesforceClient).orders.create({
      requestId: `fulfilment-test-no-payment-${Date.now()}`,
      accountId: UNREGISTERED.hanako.accountId,
      pricebookId: String(pricebook?.Id),
      category: "sim",
      effectiveOn: japanDate(new Date()),
      billingAddress: ADDRESS,
      shippingAddress: ADDRESS,
      sim: { simType: "physical", eid: null, mnp: null },
      installationPreference: null,
      lines: [
        {
          productId: plan?.productId ?? "",
          pricebookEntryId: plan?.id ?? "",
          quantity: 1,
          unitPrice: { amount: plan?.price.taxExcluded.amount ?? 0, currency: "JPY" },
        },
      ],
    });
    await approve(orderId);
    await stack.control.resetCalls();

    await expect(stack.app.get(FulfilmentService).fulfil(orderId, 0)).rejects.toThrow(
      /NO_PAYMENT_METHOD/,
    );

    expect(await orderRow(orderId)).toMatchObject({
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

const ADDRESS = {
  postcode: "150-0001",
  prefecture: "Tokyo" as const,
  city: "渋谷区",
  street: "神宮前1-2-3",
  building: "",
  country: "JP" as const,
};
