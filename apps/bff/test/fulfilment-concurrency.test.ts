import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FulfilmentService } from "../src/modules/fulfilment/fulfilment.service.js";
import { WorkflowBusyError } from "../src/modules/workflow/workflow-busy.error.js";
import { DEMO } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { FulfilmentOrders } from "./support/fulfilment-orders.js";
import { startStack, type Stack } from "./support/stack.js";

/*
 * Several Orders fulfilled at once (FULFILMENT_CONCURRENCY, decision 0076) against the sandbox
 * over HTTP: the Freebit activation call is held (`hold-before`) until the test lets it go, so
 * the number of calls waiting there at once is the number of fulfilments running at once (with
 * one worker, never more than one), with no timing involved. One Order is never fulfilled twice at once: pg-boss keeps a second job of
 * it from becoming active (job-queue.test.ts shows that at the queue), and a second delivery that
 * reaches the workflow finds the run held.
 */

let stack: Stack;
let orders: FulfilmentOrders;

beforeAll(async () => {
  // Held calls wait for the test: Freebit's client must not give up on them meanwhile.
  stack = await startStack({ FULFILMENT_CONCURRENCY: "3", FREEBIT_TIMEOUT_MS: "120000" });
  const demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
  orders = new FulfilmentOrders(stack, demo);
  await stack.control.freebitActivationDelay(0);
}, 300_000);

afterAll(async () => {
  await stack?.close();
}, 300_000);

describe("order.fulfil with several workers", () => {
  it("fulfils two approved Orders at the same time, and each once", async () => {
    const orderIds: string[] = [];
    for (const simType of ["physical", "esim"] as const) {
      const orderId = await orders.place(await orders.simChoice(simType));
      await orders.approve(orderId);
      orderIds.push(orderId);
    }
    await stack.control.fault({ system: "freebit", match: "addAcnt", kind: "hold-before" });
    const service = stack.app.get(FulfilmentService);

    for (const orderId of orderIds) await service.request(orderId);

    // Each fulfilment waits at its Freebit activation: both at once.
    await eventually(
      () => stack.control.heldCalls(),
      (held) => held === 2,
      { attempts: 1200, intervalMs: 250 },
    );
    const [first = ""] = orderIds;
    // The same Order asked for again while it runs: no second job, and a second delivery that
    // reaches the workflow finds the run held by the first.
    await service.request(first);
    await expect(service.fulfil(first, 0)).rejects.toBeInstanceOf(WorkflowBusyError);

    await stack.control.clearFaults();
    await stack.control.releaseHolds();
    for (const orderId of orderIds) {
      await eventually(
        () => orders.orderRow(orderId),
        (row) => row.Activation_Status__c === "Activated",
        { attempts: 600, intervalMs: 100 },
      );
      await orders.expectFulfilledOnce(orderId, 1);
    }
    // Two whole fulfilments on a stack of their own: minutes on a loaded machine.
  }, 600_000);
});
