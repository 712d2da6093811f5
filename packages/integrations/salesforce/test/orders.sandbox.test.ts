import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Address } from "@portal/domain";
import { generateDevSecrets, startSandbox } from "@portal/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { SalesforceClient, SalesforceError, type NewOrder } from "../src/index.js";
import { SalesforceCore } from "../src/core/salesforce-core.js";

/*
 * `salesforce.orders` and the core's composite call against the sandbox's Salesforce stand-in:
 * an Order with its items created all-or-none, listed newest first, read with items and timeline;
 * a refused line leaves no Order; a composite is never retried.
 */

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/**
 * A price book entry and its product: a seeded one once the sandbox models PricebookEntry (the
 * catalog work), else well-formed ids (a lookup to an unmodelled type takes any; decision 0056).
 */
let PBE = "01u5g0000000001AAA";
let PRODUCT = "01t5g0000000001AAA";
/** A price book entry that does not exist (wrong case checksum, so no record can have it). */
const MISSING_PBE = "01u5g0000000ZZZAAA";
const ADDRESS: Address = {
  postcode: "150-0002",
  prefecture: "Tokyo",
  city: "渋谷区",
  street: "渋谷2-21-1",
  building: "ヒカリエ 8F",
  country: "JP",
};

let directory: string;
let sandbox: Sandbox;
let client: SalesforceClient;
let core: SalesforceCore;
let accountId: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "salesforce-orders-sandbox-"));
  const secrets = await generateDevSecrets(directory);
  sandbox = await startSandbox({
    dataDir: null,
    whmcs: { identifier: secrets.whmcsApiIdentifier, secret: secrets.whmcsApiSecret },
    salesforce: {
      clientId: secrets.sfClientId,
      username: secrets.sfUsername,
      certificatePem: await readFile(secrets.sfCertificatePath, "utf8"),
    },
    webhook: { url: null, secret: secrets.whmcsWebhookSecret },
    logger: false,
  });
  const config = {
    loginUrl: sandbox.urls.salesforce,
    audience: "https://login.salesforce.com",
    clientId: secrets.sfClientId,
    username: secrets.sfUsername,
    privateKeyPem: await readFile(secrets.sfPrivateKeyPath, "utf8"),
    apiVersion: "62.0",
    timeoutMs: 5_000,
    concurrency: 8,
    ratePerSecond: 1_000,
    readRetries: 2,
  };
  client = new SalesforceClient(config);
  core = new SalesforceCore(config);
  const entries = await core
    .queryRecords(
      "findPricebookEntry",
      async () => "SELECT Id, Product2Id FROM PricebookEntry LIMIT 1",
      z.object({ Id: z.string(), Product2Id: z.string() }),
      "PricebookEntry",
    )
    .catch(() => []);
  if (entries[0]) {
    PBE = entries[0].Id;
    PRODUCT = entries[0].Product2Id;
  }
});

afterAll(async () => {
  await sandbox?.close();
  await rm(directory, { recursive: true, force: true });
});

beforeEach(async () => {
  await sandbox.reset();
  const account = await client.accounts.findByCustomerNumber("100001");
  accountId = account?.id ?? "";
});

let requestCounter = 0;

function simOrder(overrides: Partial<NewOrder> = {}): NewOrder {
  requestCounter += 1;
  return {
    requestId: `test-request-${requestCounter}`,
    accountId,
    pricebookId: null,
    category: "sim",
    effectiveOn: "2026-04-01",
    billingAddress: ADDRESS,
    shippingAddress: ADDRESS,
    sim: {
      simType: "esim",
      eid: "89049032000001000000000000000001",
      mnp: {
        reservationNumber: "1234567890",
        expiresOn: "2026-04-10",
        lastName: "山田",
        firstName: "太郎",
        lastNameKana: "ヤマダ",
        firstNameKana: "タロウ",
        birthdate: "1985-06-15",
        gender: "male",
      },
    },
    installationPreference: null,
    lines: [
      {
        productId: PRODUCT,
        pricebookEntryId: PBE,
        quantity: 1,
        unitPrice: { amount: 2980, currency: "JPY" },
      },
      {
        productId: PRODUCT,
        pricebookEntryId: PBE,
        quantity: 1,
        unitPrice: { amount: 3300, currency: "JPY" },
      },
    ],
    ...overrides,
  };
}

async function fault(spec: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.url}/__control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(spec),
  });
  expect(response.ok).toBe(true);
}

async function orderCount(): Promise<number> {
  return (await client.orders.listForAccount(accountId)).length;
}

describe("salesforce.orders", () => {
  it("creates an Order with its items in one composite and reads it back with items, address, SIM/MNP and timeline", async () => {
    const { orderId, itemIds } = await client.orders.create(simOrder());
    expect(orderId).toMatch(/^801/);
    expect(itemIds).toHaveLength(2);
    expect(sandbox.calls().salesforce).toMatchObject({
      "POST /services/data/:version/composite": 1,
    });

    const found = await client.orders.get(orderId);
    expect(found?.accountId).toBe(accountId);
    expect(found?.order).toMatchObject({
      id: orderId,
      number: expect.stringMatching(/^\d{8}$/),
      status: "pending_review",
      activationStatus: "not_started",
      category: "sim",
      effectiveOn: "2026-04-01",
      totals: {
        oneTime: expect.any(Object),
        monthly: expect.any(Object),
      },
      billingAddress: {
        postcode: "150-0002",
        prefecture: "Tokyo",
        city: "渋谷区",
        street: "渋谷2-21-1",
        building: "ヒカリエ 8F",
      },
      sim: {
        simType: "esim",
        eid: "89049032000001000000000000000001",
        mnp: expect.objectContaining({ reservationNumber: "1234567890", gender: "male" }),
      },
      activationError: null,
      timeline: [{ change: "created", at: expect.any(String) }],
    });
    expect(found?.order.items.map((item) => item.unitPrice.amount)).toEqual([2980, 3300]);
    // Name, item class and billing cycle come from the product (Product2 relationship fields).
    const product = (
      await core.queryRecords(
        "readProduct",
        async () =>
          `SELECT Name, Name_En__c, Billing_Cycle__c FROM Product2 WHERE Id = '${PRODUCT}'`,
        z.object({
          Name: z.string(),
          Name_En__c: z.string().nullable(),
          Billing_Cycle__c: z.string().nullable(),
        }),
        "Product2",
      )
    )[0];
    expect(found?.order.items[0]?.name).toEqual({ ja: product?.Name, en: product?.Name_En__c });
    const cycle = product?.Billing_Cycle__c === "Monthly" ? "monthly" : "one_time";
    expect(found?.order.items.map((item) => item.billingCycle)).toEqual([cycle, cycle]);
    const total = cycle === "monthly" ? found?.order.totals.monthly : found?.order.totals.oneTime;
    // 2,980 + 3,300 = 6,280; tax ⌊628.0⌋ once on the total.
    expect(total).toEqual({
      taxExcluded: { amount: 6280, currency: "JPY" },
      tax: { amount: 628, currency: "JPY" },
      taxIncluded: { amount: 6908, currency: "JPY" },
    });
  });

  it("finds the Order of a request id, and refuses a second Order for it as DUPLICATE_VALUE", async () => {
    const order = simOrder({
      category: "internet",
      sim: null,
      installationPreference: {
        firstChoice: "2026-12-20",
        secondChoice: "2026-12-22",
        timeSlot: "morning",
      },
    });
    expect(await client.orders.findByRequestId(order.requestId)).toBeNull();
    const { orderId } = await client.orders.create(order);

    const found = await client.orders.findByRequestId(order.requestId);
    expect(found).toMatchObject({ accountId, order: { id: orderId, category: "internet" } });
    expect(found?.order.installationPreference).toEqual({
      firstChoice: "2026-12-20",
      secondChoice: "2026-12-22",
      timeSlot: "morning",
    });
    const [stored] = await core.queryRecords(
      "readPreference",
      async () => `SELECT Installation_Preference__c FROM Order WHERE Id = '${orderId}'`,
      z.object({ Installation_Preference__c: z.string() }),
      "Order",
    );
    expect(stored?.Installation_Preference__c).toBe("2026-12-20 morning / 2026-12-22");

    await expect(client.orders.create(order)).rejects.toMatchObject({
      kind: "rejected",
      vendorCode: "DUPLICATE_VALUE",
    });
    expect(await orderCount()).toBe(1);
    await expect(client.orders.findByRequestId("it's")).rejects.toMatchObject({
      kind: "rejected",
    });
  });

  it("lists an Account's orders newest first", async () => {
    const first = await client.orders.create(simOrder());
    const second = await client.orders.create(simOrder({ category: "internet", sim: null }));
    const third = await client.orders.create(simOrder({ category: "vpn", sim: null }));

    const orders = await client.orders.listForAccount(accountId);

    expect(orders.map((order) => order.id)).toEqual([third.orderId, second.orderId, first.orderId]);
  });

  it("answers null for an Order that does not exist", async () => {
    expect(await client.orders.get("801000000000000AAA")).toBeNull();
  });

  it("leaves no Order behind when Salesforce refuses a line (all-or-none), naming the line's error", async () => {
    const error = await client.orders
      .create(
        simOrder({
          lines: [
            simOrder().lines[0]!,
            // Salesforce refuses the line; the Order created before it is rolled back.
            {
              productId: PRODUCT,
              pricebookEntryId: MISSING_PBE,
              quantity: 1,
              unitPrice: { amount: 1, currency: "JPY" },
            },
          ],
        }),
      )
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SalesforceError);
    expect(error).toMatchObject({ kind: "rejected" });
    expect(await orderCount()).toBe(0);
  });

  it("refuses before sending: no lines, a fractional price, a bad Id", async () => {
    const calls = () => sandbox.calls().salesforce["POST /services/data/:version/composite"] ?? 0;
    const before = calls();
    for (const order of [
      simOrder({ lines: [] }),
      simOrder({
        lines: [{ ...simOrder().lines[0]!, unitPrice: { amount: 1.5, currency: "JPY" } }],
      }),
      simOrder({ accountId: "not-an-id" }),
    ]) {
      await expect(client.orders.create(order)).rejects.toMatchObject({ kind: "rejected" });
    }
    expect(calls()).toBe(before);
  });

  it("never retries a composite: a 503 is one call and an `unavailable` error", async () => {
    await fault({
      system: "salesforce",
      match: "/composite",
      kind: "http5xx",
      status: 503,
      times: 1,
    });
    sandbox.resetCalls();

    await expect(client.orders.create(simOrder())).rejects.toMatchObject({ kind: "unavailable" });
    expect(sandbox.calls().salesforce["POST /services/data/:version/composite"]).toBe(1);
    expect(await orderCount()).toBe(0);
  });
});

describe("SalesforceCore.composite", () => {
  it("refuses more than 25 subrequests without sending", async () => {
    const error = await core
      .composite("tooMany", (api) => ({
        compositeRequest: Array.from({ length: 26 }, (_, index) => ({
          method: "GET" as const,
          url: `${api}/sobjects/Account/${accountId}`,
          referenceId: `read${index}`,
        })),
      }))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "rejected", operation: "tooMany" });
  });
});
