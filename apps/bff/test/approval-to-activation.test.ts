import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { FulfilmentOrders } from "./support/fulfilment-orders.js";
import { startStack, type Stack } from "./support/stack.js";

/*
 * The whole of DESIGN.md §6 with nothing but the wire in between (issue 8): staff approve an
 * Order in the sandbox's Salesforce, its Pub/Sub stand-in emits the change, the BFF's subscriber
 * hands the Order to fulfilment, and the Order ends Activated once. Also the operators' replay
 * route (decision 0065) behind the ops token.
 */

let stack: Stack;
let orders: FulfilmentOrders;

beforeAll(async () => {
  stack = await startStack({ SF_PUBSUB_ENABLED: "true" });
  const demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
  orders = new FulfilmentOrders(stack, demo);
});

afterAll(async () => {
  await stack?.close();
});

describe("approval → Pub/Sub → fulfilment", () => {
  it("activates a SIM order once, driven only by the subscriber", async () => {
    const orderId = await orders.place(await orders.simChoice("physical"));

    await orders.approve(orderId);

    await eventually(
      () => orders.orderRow(orderId),
      (row) => row.Activation_Status__c === "Activated",
      { attempts: 200, intervalMs: 250 },
    );
    await orders.expectFulfilledOnce(orderId, 1);
  });
});

describe("POST /api/ops/sf-events/replay", () => {
  const post = (body: unknown, token = "dev-ops-token-for-local-use-only-0000") =>
    fetch(`${stack.bffUrl}/api/ops/sf-events/replay`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("takes an operator's replay request behind the ops token, naming a wrong field", async () => {
    const accepted = await post({ topic: "/data/OrderChangeEvent", replayId: "0000000000000001" });
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toEqual({
      topic: "/data/OrderChangeEvent",
      replayId: "0000000000000001",
      requested: true,
    });

    const unknown = await post({ topic: "/data/AccountChangeEvent", replayId: "01" });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain("topic");
    expect((await post({ topic: "/data/OrderChangeEvent", replayId: "xyz" })).status).toBe(400);
    expect((await post({ topic: "/data/OrderChangeEvent", replayId: "01" }, "wrong")).status).toBe(
      401,
    );
  });
});
