import {
  type InternetCatalog,
  internetCatalogSchema,
  installationDateWindow,
  japanDate,
  type OrderChoice,
  orderDetailSchema,
  orderListPageSchema,
  quoteOrder,
  type SimCatalog,
  simCatalogSchema,
  ssoLinkSchema,
  type VpnCatalog,
  vpnCatalogSchema,
} from "@portal/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EventBus } from "../src/modules/events/event-bus.js";
import { UsersRepository } from "../src/modules/identity/repositories/users.repository.js";
import { orderRequestId } from "../src/modules/orders/checkout.service.js";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { HttpSession } from "./support/http-session.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

/*
 * POST /api/orders, GET /api/orders and GET /api/orders/:id over HTTP against the sandbox
 * (decision 0058): each category placed, each refusal, bad input, other customers' orders, the
 * Idempotency-Key's replay and reuse, composite failures and a lost answer, the confirmation mail.
 */

/** The long-running lane's timeout in these tests: a lost answer is simulated with more latency. */
const CREATE_TIMEOUT_MS = 1_500;

let stack: Stack;
let demo: PortalClient;
let demoUserId: string;
let hanako: PortalClient;
let hanakoEmail: string;

const DEMO_ACCOUNT = "001DEMO00000001YDA";
const HANAKO_ACCOUNT = UNREGISTERED.hanako.accountId;

let keyCounter = 0;
/** A fresh `Idempotency-Key`, as the portal sends one per attempt to order. */
function newKey(): string {
  keyCounter += 1;
  return `orders-test-${Date.now()}-${keyCounter}`;
}

function place(client: PortalClient, body: unknown, key: string | null = newKey()) {
  return client.post("/api/orders", body, {
    headers: key === null ? {} : { "idempotency-key": key },
  });
}

async function simCatalog(client: PortalClient): Promise<SimCatalog> {
  return simCatalogSchema.parse((await client.get("/api/catalog/sim")).json);
}
async function internetCatalog(client: PortalClient): Promise<InternetCatalog> {
  return internetCatalogSchema.parse((await client.get("/api/catalog/internet")).json);
}
async function vpnCatalog(client: PortalClient): Promise<VpnCatalog> {
  return vpnCatalogSchema.parse((await client.get("/api/catalog/vpn")).json);
}

/** The request body of `choice`, with the totals the portal shows (the same `quoteOrder`). */
function withTotals(
  choice: OrderChoice,
  catalog: InternetCatalog | SimCatalog | VpnCatalog,
): Record<string, unknown> {
  return { ...choice, expectedTotals: quoteOrder(choice, catalog).totals };
}

const MNP = {
  reservationNumber: "1234567890",
  expiresOn: japanDate(new Date(), 10),
  lastName: "山田",
  firstName: "太郎",
  lastNameKana: "ヤマダ",
  firstNameKana: "タロウ",
  birthdate: "1990-04-01",
  gender: "male",
} as const;
const EID = "89049032000001000000000000000001";

/** A voice plan eSIM order with MNP from `catalog`. */
function esimChoice(catalog: SimCatalog): OrderChoice {
  const plan = catalog.plans.find((candidate) => candidate.simPlanType === "voice");
  if (!plan) throw new Error("The seeded SIM catalog has no voice plan");
  return {
    category: "sim",
    planId: plan.id,
    simType: "esim",
    eid: EID,
    voiceOptionIds: [],
    addOnIds: [],
    mnp: MNP,
  };
}

function installation() {
  const { earliest } = installationDateWindow(new Date());
  return { firstChoice: earliest, secondChoice: null, timeSlot: "morning" as const };
}

async function ordersOf(accountId: string): Promise<Record<string, unknown>[]> {
  return stack.salesforce.query(
    `SELECT Id, Status, Type, Pricebook2Id, EffectiveDate, Activation_Status__c, Portal_Request_Id__c, Installation_Preference__c, SIM_Type__c, EID__c, MNP_Reservation_Number__c, BillingPostalCode FROM Order WHERE AccountId = '${accountId}'`,
  );
}

async function addCard(client: PortalClient): Promise<void> {
  const link = ssoLinkSchema.parse((await client.post("/api/payment-methods/sso-link")).json);
  const browser = new HttpSession(link.url);
  const landing = await browser.request("GET", link.url);
  const pageUrl = new URL(landing.headers.get("location") ?? "", link.url).toString();
  const added = await browser.request("POST", `${pageUrl}/add`, {
    rawBody: new URLSearchParams({
      type: "card",
      card_number: "3530111333300000",
      card_expiry: "09/30",
    }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(added.status).toBe(303);
}

beforeAll(async () => {
  stack = await startStack({ SF_LONG_RUNNING_TIMEOUT_MS: String(CREATE_TIMEOUT_MS) });
  demo = stack.newClient();
  const login = await demo.login(DEMO.email, DEMO.password);
  expect(login.status).toBe(200);
  demoUserId = (await stack.app.get(UsersRepository).findByEmail(DEMO.email))?.id ?? "";
  hanako = stack.newClient();
  const body = signupBody(UNREGISTERED.hanako);
  hanakoEmail = String(body.email);
  const signup = await hanako.signup(body, { headers: { "accept-language": "en-GB,en;q=0.9" } });
  expect(signup.status).toBe(201);
});

afterAll(async () => {
  await stack?.close();
});

afterEach(async () => {
  await stack.control.clearFaults();
});

describe("POST /api/orders: placed", () => {
  it("places an eSIM order with MNP as one Pending Review Order on the portal price book, and shows it", async () => {
    const catalog = await simCatalog(demo);
    const key = newKey();

    const response = await place(demo, withTotals(esimChoice(catalog), catalog), key);

    expect(response.status).toBe(201);
    const order = orderDetailSchema.parse(response.json);
    expect(order).toMatchObject({
      status: "pending_review",
      activationStatus: "not_started",
      category: "sim",
      sim: { simType: "esim", eid: EID, mnp: MNP },
      installationPreference: null,
      totals: quoteOrder(esimChoice(catalog), catalog).totals,
    });
    expect(order.items.map((item) => item.pricebookEntryId)).toEqual(
      quoteOrder(esimChoice(catalog), catalog).lines.map((line) => line.item.id),
    );
    expect(order.title).toEqual(order.items[0]?.name);
    const [stored] = (await ordersOf(DEMO_ACCOUNT)).filter((row) => row.Id === order.id);
    expect(stored).toMatchObject({
      Status: "Pending Review",
      Type: "SIM",
      Activation_Status__c: "Not Started",
      SIM_Type__c: "eSIM",
      EID__c: EID,
      MNP_Reservation_Number__c: MNP.reservationNumber,
      Pricebook2Id: expect.stringMatching(/^01s/),
      Portal_Request_Id__c: orderRequestId(demoUserId, key),
    });

    const list = orderListPageSchema.parse((await demo.get("/api/orders")).json);
    expect(list.items[0]).toMatchObject({ id: order.id, category: "sim", title: order.title });
    const detail = await demo.get(`/api/orders/${order.id}`);
    expect(detail.status).toBe(200);
    expect(orderDetailSchema.parse(detail.json).id).toBe(order.id);
  });

  it("places a fibre order for an eligible address with its installation preference", async () => {
    const catalog = await internetCatalog(demo);
    const plan = catalog.offeringTypes[0]?.plans[0];
    const choice: OrderChoice = {
      category: "internet",
      planId: plan?.id ?? "",
      addOnIds: catalog.addOns.slice(0, 1).map((addOn) => addOn.id),
      installation: installation(),
    };

    const response = await place(demo, withTotals(choice, catalog));

    expect(response.status).toBe(201);
    const order = orderDetailSchema.parse(response.json);
    expect(order).toMatchObject({
      category: "internet",
      title: plan?.name,
      installationPreference: installation(),
      sim: null,
    });
    const [stored] = (await ordersOf(DEMO_ACCOUNT)).filter((row) => row.Id === order.id);
    expect(stored?.Installation_Preference__c).toBe(`${installation().firstChoice} morning`);
    expect(stored?.Type).toBe("Internet");
  });

  it("places a VPN order and mails the confirmation in the customer's language", async () => {
    const catalog = await vpnCatalog(demo);
    const choice: OrderChoice = {
      category: "vpn",
      planId: catalog.plans[0]?.id ?? "",
      addOnIds: [],
    };

    const response = await place(demo, withTotals(choice, catalog));

    expect(response.status).toBe(201);
    const order = orderDetailSchema.parse(response.json);
    expect(order.category).toBe("vpn");
    const mails = await eventually(
      () => stack.control.mail(DEMO.email),
      (found) => found.some((mail) => mail.subject.includes(order.number)),
    );
    const mail = mails.find((found) => found.subject.includes(order.number));
    expect(mail?.subject).toContain("ご注文を承りました");
    expect(mail?.text).toContain(`/orders/${order.id}`);
    expect(mail?.text).toContain(order.totals.monthly.taxIncluded.amount.toLocaleString("en-US"));
  });
});

describe("POST /api/orders: refused", () => {
  it("asks for a payment method first (PAYMENT_METHOD_REQUIRED), and places the order once one is added, mailing in English", async () => {
    const catalog = await simCatalog(hanako);
    const body = withTotals(esimChoice(catalog), catalog);

    expectApiError(await place(hanako, body), 409, "PAYMENT_METHOD_REQUIRED");
    expect(await ordersOf(HANAKO_ACCOUNT)).toEqual([]);

    await addCard(hanako);
    const response = await place(hanako, body);
    expect(response.status).toBe(201);
    const order = orderDetailSchema.parse(response.json);
    const mails = await eventually(
      () => stack.control.mail(hanakoEmail),
      (found) => found.some((mail) => mail.subject.includes(order.number)),
    );
    const mail = mails.find((found) => found.subject.includes(order.number));
    expect(mail?.subject).toBe(`[Aozora Net] We have received your order (No. ${order.number})`);
    expect(mail?.text).toContain("What happens next");
  });

  it("refuses fibre for an address that is not eligible (NOT_ELIGIBLE)", async () => {
    const catalog = await internetCatalog(hanako);
    const plan = catalog.offeringTypes[0]?.plans[0];
    const choice: OrderChoice = {
      category: "internet",
      planId: plan?.id ?? "",
      addOnIds: [],
      installation: installation(),
    };
    const before = (await ordersOf(HANAKO_ACCOUNT)).length;

    expectApiError(await place(hanako, withTotals(choice, catalog)), 409, "NOT_ELIGIBLE");
    expect(await ordersOf(HANAKO_ACCOUNT)).toHaveLength(before);
  });

  it("refuses an option withdrawn in Salesforce while the cached catalog still shows it, and drops that cache", async () => {
    const catalog = await simCatalog(demo);
    const option = catalog.voiceOptions[0];
    if (!option) throw new Error("The seeded SIM catalog has no voice option");
    const choice = { ...esimChoice(catalog), voiceOptionIds: [option.id] } as OrderChoice;
    const before = (await ordersOf(DEMO_ACCOUNT)).length;
    await stack.salesforce.update("PricebookEntry", option.id, { IsActive: false });
    try {
      const error = expectApiError(
        await place(demo, withTotals(choice, catalog)),
        409,
        "PRODUCT_UNAVAILABLE",
      );
      expect(Object.keys(error.fields ?? {})).toEqual(["voiceOptionIds.0"]);
      expect(await ordersOf(DEMO_ACCOUNT)).toHaveLength(before);
      // The customer's reload shows what is offered now, not the same refused choice.
      const reloaded = await simCatalog(demo);
      expect(reloaded.voiceOptions.map((each) => each.id)).not.toContain(option.id);
    } finally {
      await stack.salesforce.update("PricebookEntry", option.id, { IsActive: true });
      await stack.app.get(EventBus).publish("CatalogChanged", {
        sobject: "PricebookEntry",
        recordIds: [option.id],
      });
    }
  });

  it("refuses totals other than the catalog's now (a price changed), naming expectedTotals", async () => {
    const catalog = await simCatalog(demo);
    const choice = esimChoice(catalog);
    const plan = catalog.plans.find(
      (candidate) => "planId" in choice && candidate.id === choice.planId,
    );
    const price = plan?.price.taxExcluded.amount ?? 0;
    await stack.salesforce.update("PricebookEntry", plan?.id ?? "", { UnitPrice: price + 100 });
    try {
      const error = expectApiError(
        await place(demo, withTotals(choice, catalog)),
        409,
        "PRODUCT_UNAVAILABLE",
      );
      expect(Object.keys(error.fields ?? {})).toEqual(["expectedTotals"]);
      // The reload shows the new price, so the customer can agree to it and order.
      const reloaded = await simCatalog(demo);
      const repriced = reloaded.plans.find((candidate) => candidate.id === plan?.id);
      expect(repriced?.price.taxExcluded.amount).toBe(price + 100);
      const placed = await place(demo, withTotals(choice, reloaded));
      expect(placed.status).toBe(201);
    } finally {
      await stack.salesforce.update("PricebookEntry", plan?.id ?? "", { UnitPrice: price });
      await stack.app.get(EventBus).publish("CatalogChanged", {
        sobject: "PricebookEntry",
        recordIds: [plan?.id ?? ""],
      });
    }
  });

  it("answers bad input with 400 naming the field, and creates nothing", async () => {
    const sim = await simCatalog(demo);
    const internet = await internetCatalog(demo);
    const esim = withTotals(esimChoice(sim), sim);
    const dataPlan = sim.plans.find((candidate) => candidate.simPlanType === "data");
    const fibre = {
      category: "internet",
      planId: internet.offeringTypes[0]?.plans[0]?.id ?? "",
      addOnIds: [],
      installation: installation(),
    } as OrderChoice;
    const { latest } = installationDateWindow(new Date());
    const tooLate = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const before = (await ordersOf(DEMO_ACCOUNT)).length;
    const cases: [unknown, string][] = [
      [{ ...esim, eid: "1234" }, "eid"],
      [
        {
          ...withTotals(
            { ...esimChoice(sim), mnp: null, planId: dataPlan?.id ?? "" } as OrderChoice,
            sim,
          ),
          mnp: MNP,
        },
        "mnp",
      ],
      [{ ...esim, mnp: { ...MNP, reservationNumber: "12345" } }, "mnp.reservationNumber"],
      [{ ...esim, mnp: { ...MNP, lastNameKana: "Yamada" } }, "mnp.lastNameKana"],
      [{ ...esim, mnp: { ...MNP, expiresOn: japanDate(new Date(), -1) } }, "mnp.expiresOn"],
      [{ ...esim, mnp: { ...MNP, birthdate: japanDate(new Date(), 1) } }, "mnp.birthdate"],
      [{ ...withTotals(fibre, internet), installation: undefined }, "installation"],
      [
        {
          ...withTotals(fibre, internet),
          installation: { ...installation(), firstChoice: tooLate },
        },
        "installation.firstChoice",
      ],
    ];
    for (const [body, field] of cases) {
      const error = expectApiError(await place(demo, body), 400, "VALIDATION_FAILED");
      expect(Object.keys(error.fields ?? {}), field).toContain(field);
    }
    const noKey = expectApiError(await place(demo, esim, null), 400, "VALIDATION_FAILED");
    expect(Object.keys(noKey.fields ?? {})).toEqual(["Idempotency-Key"]);
    expect(await ordersOf(DEMO_ACCOUNT)).toHaveLength(before);
  });
});

describe("GET /api/orders/:id", () => {
  it("answers another customer's order and an unknown id as 404, a malformed id as 400", async () => {
    const [demoOrder] = orderListPageSchema.parse((await demo.get("/api/orders")).json).items;
    expect(demoOrder).toBeDefined();

    expectApiError(await hanako.get(`/api/orders/${demoOrder?.id ?? ""}`), 404, "NOT_FOUND");
    expectApiError(await demo.get("/api/orders/801000000000000AAA"), 404, "NOT_FOUND");
    expectApiError(await demo.get("/api/orders/not-an-id"), 400, "VALIDATION_FAILED");
    expect(
      orderListPageSchema
        .parse((await hanako.get("/api/orders")).json)
        .items.some((order) => order.id === demoOrder?.id),
    ).toBe(false);
  });

  it("serves repeated reads from the cache and drops it when the customer orders", async () => {
    await demo.get("/api/orders");
    await stack.control.resetCalls();
    await demo.get("/api/orders");
    const queries = async () =>
      Object.entries((await stack.control.calls()).salesforce)
        .filter(([call]) => call.startsWith("GET") && call.includes("query"))
        .reduce((sum, [, count]) => sum + count, 0);
    expect(await queries()).toBe(0);

    const catalog = await vpnCatalog(demo);
    const placed = await place(
      demo,
      withTotals({ category: "vpn", planId: catalog.plans[0]?.id ?? "", addOnIds: [] }, catalog),
    );
    const list = orderListPageSchema.parse((await demo.get("/api/orders")).json);
    expect(list.items[0]?.id).toBe((placed.json as { id: string }).id);
  });
});

describe("POST /api/orders: Idempotency-Key and failures", () => {
  async function vpnBody(): Promise<Record<string, unknown>> {
    const catalog = await vpnCatalog(demo);
    return withTotals(
      { category: "vpn", planId: catalog.plans[0]?.id ?? "", addOnIds: [] },
      catalog,
    );
  }
  const ordersFor = async (key: string) =>
    (await ordersOf(DEMO_ACCOUNT)).filter(
      (row) => row.Portal_Request_Id__c === orderRequestId(demoUserId, key),
    );

  it("replays the same order for the same key and body, and refuses the key with another body (422)", async () => {
    const body = await vpnBody();
    const key = newKey();

    const first = await place(demo, body, key);
    const again = await place(demo, body, key);

    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((again.json as { id: string }).id).toBe((first.json as { id: string }).id);
    expect(await ordersFor(key)).toHaveLength(1);
    expectApiError(
      await place(demo, { ...body, addOnIds: ["01u000000000000AAA"] }, key),
      422,
      "IDEMPOTENCY_KEY_REUSED",
    );
  });

  it("answers a failed composite with 503 and leaves no Order; the same key then places one", async () => {
    const body = await vpnBody();
    const key = newKey();
    await stack.control.fault({
      system: "salesforce",
      match: "/composite",
      kind: "http5xx",
      times: 1,
    });

    expectApiError(await place(demo, body, key), 503, "UPSTREAM_UNAVAILABLE");
    expect(await ordersFor(key)).toEqual([]);

    const retry = await place(demo, body, key);
    expect(retry.status).toBe(201);
    expect(await ordersFor(key)).toHaveLength(1);
  });

  it("answers a WHMCS outage during the checks with 503 and creates nothing", async () => {
    const body = await vpnBody();
    const key = newKey();
    await stack.control.fault({ system: "whmcs", match: "GetPayMethods", kind: "http5xx" });

    expectApiError(await place(demo, body, key), 503, "UPSTREAM_UNAVAILABLE");
    expect(await ordersFor(key)).toEqual([]);
  });

  it("after a lost answer (the create timed out but Salesforce made the Order) the same key returns that one Order", async () => {
    const body = await vpnBody();
    const key = newKey();
    await stack.control.fault({
      system: "salesforce",
      match: "/composite",
      kind: "latency",
      latencyMs: CREATE_TIMEOUT_MS + 1_000,
      times: 1,
    });

    expectApiError(await place(demo, body, key), 503, "UPSTREAM_UNAVAILABLE");
    const [made] = await eventually(
      () => ordersFor(key),
      (rows) => rows.length === 1,
    );

    const retry = await place(demo, body, key);
    expect(retry.status).toBe(201);
    expect((retry.json as { id: string }).id).toBe(made?.Id);
    expect(await ordersFor(key)).toHaveLength(1);
  });
});
