import { type CatalogItem, simCatalogSchema, subscriptionListSchema } from "@portal/domain";
import { WhmcsClient } from "@portal/whmcs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventBus } from "../src/modules/events/event-bus.js";
import { expectApiError } from "./support/api-error.js";
import { DEMO } from "./support/demo-data.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;
let demo: PortalClient;

beforeAll(async () => {
  stack = await startStack();
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
});

afterAll(async () => {
  await stack?.close();
});

async function subscriptions(client: PortalClient) {
  const response = await client.get("/api/subscriptions");
  expect(response.status).toBe(200);
  return subscriptionListSchema.parse(response.json).items;
}

/** A catalog item of the SIM catalog with WHMCS product id `pid`. */
async function simPlan(pid: number): Promise<CatalogItem> {
  const catalog = simCatalogSchema.parse((await demo.get("/api/catalog/sim")).json);
  const plan = catalog.plans.find((item) => item.billingProductId === pid);
  if (!plan) throw new Error(`The SIM catalog has no plan with WHMCS product ${pid}`);
  return plan;
}

describe("GET /api/subscriptions", () => {
  it("lists the demo's fibre service, named in both languages from the catalog", async () => {
    const items = await subscriptions(demo);

    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: 1,
      category: "internet",
      status: "active",
      billingCycle: "monthly",
      recurring: {
        taxExcluded: { amount: 4800, currency: "JPY" },
        taxIncluded: { amount: 5280, currency: "JPY" },
      },
    });
    expect(items[0]?.name.ja).toMatch(/^光 /);
    expect(items[0]?.name.en).toMatch(/^Fibre /);
    expect(items[0]?.startedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("answers 401 without a session", async () => {
    await expectApiError(await stack.newClient().get("/api/subscriptions"), 401, "UNAUTHENTICATED");
  });

  it("shows a service fulfilment made once fulfilment reports progress, current ones first", async () => {
    const plan = await simPlan(212);
    await subscriptions(demo); // cached
    const whmcs = stack.app.get(WhmcsClient);
    const placed = await whmcs.orders.add({
      clientId: DEMO.whmcsClientId,
      paymentMethod: "stripe",
      lines: [{ productId: 212, billingCycle: "monthly" }],
      reference: "801SUBSCRIPTIONS01",
      noEmail: true,
    });
    await whmcs.orders.accept(placed.orderId);

    expect(await subscriptions(demo)).toHaveLength(1);
    await stack.app.get(EventBus).publish("FulfillmentProgressed", {
      orderId: "801SUBSCRIPTIONS01",
      sfAccountId: "001DEMO00000001YDA",
      whmcsClientId: DEMO.whmcsClientId,
      activationStatus: "activated",
      step: null,
      error: null,
      at: new Date().toISOString(),
    });

    const items = await subscriptions(demo);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ category: "sim", name: plan.name, billingCycle: "monthly" });
    expect(items[1]).toMatchObject({ id: 1, category: "internet" });
  });
});
