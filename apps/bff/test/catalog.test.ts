import {
  type CatalogItem,
  internetCatalogSchema,
  simCatalogSchema,
  vpnCatalogSchema,
} from "@portal/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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

afterEach(async () => {
  await stack.control.clearFaults();
});

/** Drops the cached catalog, as the CDC subscriber will on a product or price change. */
async function catalogChanged(recordIds: string[] = []): Promise<void> {
  await stack.app.get(EventBus).publish("CatalogChanged", { sobject: "PricebookEntry", recordIds });
}

/** The demo customer's Salesforce Account (seeded Eligible for Home 1G). */
const DEMO_ACCOUNT = "001DEMO00000001YDA";

/** Staff edit the demo Account's eligibility fields; the portal hears of it (EligibilityChanged). */
async function setDemoEligibility(fields: Record<string, string>): Promise<void> {
  await stack.salesforce.update("Account", DEMO_ACCOUNT, fields);
  await stack.app.get(EventBus).publish("EligibilityChanged", { sfAccountId: DEMO_ACCOUNT });
}

/** Salesforce query calls the sandbox has counted since the last reset. */
async function salesforceQueries(): Promise<number> {
  const calls = await stack.control.calls();
  return Object.entries(calls.salesforce)
    .filter(([endpoint]) => endpoint.includes("/query"))
    .reduce((sum, [, count]) => sum + count, 0);
}

const skus = (items: readonly CatalogItem[]) => items.map((item) => item.sku);

describe("GET /api/catalog/internet", () => {
  it("groups the visible fibre plans by offering type, each with its installation fee", async () => {
    // Until the customer's address is eligible, every offering type is shown to browse.
    await setDemoEligibility({ Internet_Eligibility_Status__c: "Not Requested" });
    const response = await demo.get("/api/catalog/internet");
    await setDemoEligibility({ Internet_Eligibility_Status__c: "Eligible" });

    expect(response.status).toBe(200);
    const catalog = internetCatalogSchema.parse(response.json);
    expect(
      catalog.offeringTypes.map((group) => [
        group.offeringType,
        group.maxSpeedMbps,
        skus(group.plans),
        skus(group.installationFees),
      ]),
    ).toEqual([
      ["home_1g", 1_000, ["NET-HOME1G-STD", "NET-HOME1G-PRM"], ["NET-INSTALL-HOME"]],
      ["home_10g", 10_000, ["NET-HOME10G-STD", "NET-HOME10G-PRM"], ["NET-INSTALL-HOME10G"]],
      ["mansion_1g", 1_000, ["NET-MANSION1G-STD", "NET-MANSION1G-PRM"], ["NET-INSTALL-MANSION"]],
    ]);
    for (const group of catalog.offeringTypes) {
      expect(group.plans.every((plan) => plan.offeringType === group.offeringType)).toBe(true);
    }
    expect(catalog.offeringTypes[0]?.plans[0]?.price).toEqual({
      taxExcluded: { amount: 4_900, currency: "JPY" },
      taxIncluded: { amount: 5_390, currency: "JPY" },
      taxRate: 10,
      billingCycle: "monthly",
    });
    expect(skus(catalog.activationFees)).toEqual(["NET-ACTIVATION"]);
    expect(skus(catalog.addOns)).toEqual([
      "NET-ADDON-ROUTER",
      "NET-ADDON-FIXEDIP",
      "NET-ADDON-IPV6",
    ]);
    expect(response.text).not.toContain("NET-HOME1G-LEGACY");
  });

  it("shows only the plans of the offering type the customer's address is eligible for", async () => {
    // The demo customer's Account is seeded Eligible for Home 1G.
    const home1g = internetCatalogSchema.parse((await demo.get("/api/catalog/internet")).json);
    await setDemoEligibility({ Internet_Eligibility__c: "Home 10G" });
    const home10g = internetCatalogSchema.parse((await demo.get("/api/catalog/internet")).json);
    await setDemoEligibility({ Internet_Eligibility__c: "Home 1G" });

    expect(home1g.offeringTypes.map((group) => group.offeringType)).toEqual(["home_1g"]);
    expect(home10g.offeringTypes.map((group) => group.offeringType)).toEqual(["home_10g"]);
    expect(skus(home10g.activationFees)).toEqual(["NET-ACTIVATION"]);
  });

  it("is for signed-in customers only", async () => {
    expectApiError(await stack.newClient().get("/api/catalog/internet"), 401, "UNAUTHENTICATED");
  });
});

describe("GET /api/catalog/sim", () => {
  it("lists voice then data plans by size, SIM-type fees and voice options, without retired plans", async () => {
    const response = await demo.get("/api/catalog/sim");

    expect(response.status).toBe(200);
    const catalog = simCatalogSchema.parse(response.json);
    expect(catalog.plans.map((plan) => [plan.simPlanType, plan.dataSizeGb])).toEqual([
      ["voice", 2],
      ["voice", 5],
      ["voice", 10],
      ["voice", 20],
      ["voice", 50],
      ["data", 2],
      ["data", 5],
      ["data", 10],
      ["data", 20],
      ["data", 50],
    ]);
    expect(catalog.plans[0]?.price.taxIncluded.amount).toBe(850);
    expect(catalog.simTypes.map((group) => [group.simType, skus(group.fees)])).toEqual([
      ["physical", ["SIM-ISSUE-PHYSICAL"]],
      ["esim", ["SIM-ISSUE-ESIM"]],
    ]);
    expect(skus(catalog.activationFees)).toEqual(["SIM-ACTIVATION"]);
    expect(skus(catalog.voiceOptions)).toEqual([
      "SIM-VOICE-5MIN",
      "SIM-VOICE-10MIN",
      "SIM-VOICE-UNLIMITED",
    ]);
    expect(response.text).not.toContain("SIM-DATA-100GB");
  });
});

describe("GET /api/catalog/vpn", () => {
  it("lists the VPN plans and setup fee, leaving out the inactive price book entry", async () => {
    const response = await demo.get("/api/catalog/vpn");

    expect(response.status).toBe(200);
    const catalog = vpnCatalogSchema.parse(response.json);
    expect(skus(catalog.plans)).toEqual(["VPN-ROUTER-STD", "VPN-ROUTER-PRO"]);
    expect(skus(catalog.activationFees)).toEqual(["VPN-ACTIVATION"]);
    expect(catalog.addOns).toEqual([]);
  });
});

describe("catalog cache", () => {
  it("answers repeated requests from one Salesforce query", async () => {
    await catalogChanged();
    await stack.control.resetCalls();

    const first = await demo.get("/api/catalog/vpn");
    const again = await demo.get("/api/catalog/vpn");

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.json).toEqual(first.json);
    expect(await salesforceQueries()).toBe(1);
  });

  it("shows a price changed in Salesforce once CatalogChanged drops the cached catalog", async () => {
    const before = simCatalogSchema.parse((await demo.get("/api/catalog/sim")).json);
    const plan = before.plans.find((each) => each.sku === "SIM-VOICE-5GB");
    if (!plan) throw new Error("The seed has SIM-VOICE-5GB");
    expect(plan.price.taxExcluded.amount).toBe(860);

    await stack.salesforce.update("PricebookEntry", plan.id, { UnitPrice: 900 });
    const cached = simCatalogSchema.parse((await demo.get("/api/catalog/sim")).json);
    await catalogChanged([plan.id]);
    const after = simCatalogSchema.parse((await demo.get("/api/catalog/sim")).json);

    expect(cached.plans.find((each) => each.id === plan.id)?.price.taxExcluded.amount).toBe(860);
    expect(after.plans.find((each) => each.id === plan.id)?.price).toMatchObject({
      taxExcluded: { amount: 900 },
      taxIncluded: { amount: 990 },
    });
  });

  it("drops a product hidden in Salesforce after CatalogChanged", async () => {
    const before = vpnCatalogSchema.parse((await demo.get("/api/catalog/vpn")).json);
    const pro = before.plans.find((each) => each.sku === "VPN-ROUTER-PRO");
    if (!pro) throw new Error("The seed has VPN-ROUTER-PRO");

    await stack.salesforce.update("Product2", pro.productId, { Portal_Visible__c: false });
    await catalogChanged([pro.productId]);
    const after = vpnCatalogSchema.parse((await demo.get("/api/catalog/vpn")).json);

    expect(skus(after.plans)).toEqual(["VPN-ROUTER-STD"]);
    await stack.salesforce.update("Product2", pro.productId, { Portal_Visible__c: true });
    await catalogChanged([pro.productId]);
  });
});

describe("Salesforce faults", () => {
  it("answers 503 UPSTREAM_UNAVAILABLE with no catalog data when Salesforce is down", async () => {
    await catalogChanged();
    await stack.control.fault({
      system: "salesforce",
      match: "/query",
      kind: "http5xx",
      status: 503,
    });

    const response = await demo.get("/api/catalog/internet");

    expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(response.text).not.toContain("NET-");
  });

  it("answers 502 UPSTREAM_ERROR when Salesforce answers nonsense", async () => {
    await catalogChanged();
    await stack.control.fault({ system: "salesforce", match: "/query", kind: "malformed" });

    const response = await demo.get("/api/catalog/sim");

    expectApiError(response, 502, "UPSTREAM_ERROR");
    expect(response.text).not.toContain("SIM-");
  });

  it("serves the catalog again once Salesforce is back", async () => {
    const response = await demo.get("/api/catalog/sim");

    expect(response.status).toBe(200);
    expect(simCatalogSchema.parse(response.json).plans).toHaveLength(10);
  });
});
