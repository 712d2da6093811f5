import { FREEBIT_PATHS, raw as freebitRaw } from "@portal/freebit";
import { serialize } from "php-serialize";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEV_FREEBIT_OEM, type Sandbox } from "../src/index.js";
import { salesforceSession, type SalesforceSession } from "./support/salesforce-session.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  whmcsCall,
  type TestSecrets,
} from "./support/test-sandbox.js";

/**
 * The control routes fulfilment runs use: many SIM orders made and approved as checkout and the
 * console do, a report that counts what each system did per Order, and `hold` faults that keep
 * an upstream's answer back after it did the work.
 */

let secrets: TestSecrets;
let sandbox: Sandbox;
let session: SalesforceSession;

beforeAll(async () => {
  secrets = await createTestSecrets();
  sandbox = await startTestSandbox(secrets);
  session = await salesforceSession(sandbox, secrets);
});
afterAll(async () => {
  await sandbox.close();
  await removeTestSecrets(secrets);
});
beforeEach(async () => {
  await sandbox.reset();
});

/** What the control routes used here answer (each route fills its own part). */
interface ControlAnswer {
  orders: (MadeOrder & Record<string, unknown>)[];
  missing: string[];
  held: { system: string; subject: string; phase: string; clientGone: boolean }[];
  calls: { system: string; call: string }[];
  events: { entityName: string; changedFields: string[] }[];
}

async function control(
  path: string,
  body?: unknown,
): Promise<{ status: number; json: ControlAnswer }> {
  const response = await fetch(`${sandbox.url}/__control${path}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as ControlAnswer };
}

interface MadeOrder {
  orderId: string;
  accountId: string;
  whmcsClientId: number;
  simKind: "physical" | "esim";
}

async function makeOrders(count: number, customers: number): Promise<MadeOrder[]> {
  const made = await control("/fulfilment/sim-orders", { count, customers });
  expect(made.status).toBe(201);
  return made.json.orders;
}

/** base64(serialize({fieldId: value})), as the AddOrder example builds `customfields[]`. */
const customFields = (values: Record<number, string>): string =>
  Buffer.from(
    serialize(new Map(Object.entries(values).map(([id, value]) => [Number(id), value]))),
  ).toString("base64");

describe("fulfilment control routes", () => {
  it("makes SIM orders as checkout does, over new customers with a card, kinds in turn", async () => {
    const orders = await makeOrders(4, 2);
    expect(orders.map((order) => order.simKind)).toEqual(["physical", "esim", "physical", "esim"]);
    expect(new Set(orders.map((order) => order.accountId)).size).toBe(2);
    const order = (await session.get(`/services/data/v62.0/sobjects/Order/${orders[1]!.orderId}`))
      .body as Record<string, unknown>;
    expect(order).toMatchObject({
      AccountId: orders[1]!.accountId,
      Status: "Pending Review",
      Activation_Status__c: "Not Started",
      Type: "SIM",
      SIM_Type__c: "eSIM",
      EID__c: expect.stringMatching(/^89049032\d{24}$/),
    });
    const items = (
      await session.get(
        `/services/data/v62.0/query?q=${encodeURIComponent(`SELECT Product2.ProductCode FROM OrderItem WHERE OrderId = '${orders[1]!.orderId}'`)}`,
      )
    ).body as { records: { Product2: { ProductCode: string } }[] };
    expect(items.records.map((item) => item.Product2.ProductCode)).toEqual([
      "SIM-DATA-10GB",
      "SIM-ACTIVATION",
      "SIM-ISSUE-ESIM",
    ]);
    const payMethods = (
      await whmcsCall(sandbox, secrets, "GetPayMethods", { clientid: orders[0]!.whmcsClientId })
    ).body as { paymethods: unknown[] };
    expect(payMethods.paymethods).toHaveLength(1);

    expect((await control("/fulfilment/sim-orders", { count: 1, customers: 2 })).json).toEqual({
      error: "Invalid request",
      issues: ["customers: customers must not exceed count"],
    });
  });

  it("approves through the console's path and reports times and counts per Order", async () => {
    const orders = await makeOrders(2, 1);
    const orderIds = orders.map((order) => order.orderId);
    const before = await control("/fulfilment/report", { orderIds });
    expect(before.json.orders[0]).toMatchObject({
      activationStatus: "Not Started",
      approvedAt: null,
      activatedAt: null,
      simLines: 1,
      whmcsOrderIds: [],
      freebitActivations: 0,
      duplicated: false,
    });

    expect((await control("/fulfilment/approvals", { orderIds })).json).toEqual({
      approved: orderIds,
      refused: [],
    });
    const changes = (await control("/salesforce/changes")).json.events;
    expect(changes.filter((event) => event.changedFields.includes("Status"))).toHaveLength(2);
    expect(
      (await control("/fulfilment/approvals", { orderIds: [orderIds[0]!, "801000000000000AAA"] }))
        .json,
    ).toEqual({
      approved: [],
      refused: [
        { orderId: orderIds[0], reason: "status Approved" },
        { orderId: "801000000000000AAA", reason: "not found" },
      ],
    });
    const after = await control("/fulfilment/report", {
      orderIds: [...orderIds, "801000000000000AAA"],
    });
    expect(after.json.missing).toEqual(["801000000000000AAA"]);
    expect(after.json.orders[0]?.approvedAt).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    );

    // Activated once, then again after a detour: activated twice.
    const patch = (value: string) =>
      session.request(`/services/data/v62.0/sobjects/Order/${orderIds[0]}`, {
        method: "PATCH",
        body: { Activation_Status__c: value },
      });
    await patch("Activated");
    await patch("Activated");
    expect((await control("/fulfilment/report", { orderIds })).json.orders[0]).toMatchObject({
      activationStatus: "Activated",
      activatedTimes: 1,
      duplicated: false,
    });
    await patch("Activating");
    await patch("Activated");
    expect((await control("/fulfilment/report", { orderIds })).json.orders[0]).toMatchObject({
      activatedTimes: 2,
      duplicated: true,
    });
  });

  it("holds a WHMCS answer after the work is done, and counts a second order and a second activation", async () => {
    const [order] = await makeOrders(1, 1);
    const { orderId, whmcsClientId } = order!;
    expect(
      (await control("/faults", { system: "whmcs", match: "AddOrder", kind: "hold", times: 1 }))
        .status,
    ).toBe(201);
    const addOrder = () =>
      whmcsCall(sandbox, secrets, "AddOrder", {
        clientid: whmcsClientId,
        paymentmethod: "stripe",
        "pid[0]": 213,
        "billingcycle[0]": "monthly",
        "customfields[0]": customFields({ 2131: orderId }),
      });
    const held = addOrder();
    await expect
      .poll(async () => (await control("/holds")).json.held)
      .toMatchObject([{ system: "whmcs", subject: "AddOrder" }]);
    // The order exists although its answer has not been sent.
    const report = async () =>
      (await control("/fulfilment/report", { orderIds: [orderId] })).json.orders[0];
    expect(await report()).toMatchObject({ whmcsServices: 1, duplicated: false });
    expect((await control("/holds/release", {})).json).toEqual({ released: 1 });
    expect((await held).body).toMatchObject({ result: "success" });
    expect((await control("/holds")).json.held).toEqual([]);

    await addOrder();
    expect((await report())?.whmcsOrderIds).toHaveLength(2);
    expect(await report()).toMatchObject({ whmcsServices: 2, duplicated: true });

    const freebit = async (body: Record<string, unknown>) =>
      (
        await fetch(`${sandbox.urls.freebit}/emptool/api${body.path as string}`, {
          method: "POST",
          body: new URLSearchParams({ json: JSON.stringify(body.json) }),
        })
      ).json() as Promise<Record<string, unknown>>;
    const authKey = freebitRaw.authOemResponseSchema.parse(
      await freebit({ path: FREEBIT_PATHS.authOem.path, json: DEV_FREEBIT_OEM }),
    ).authKey;
    for (const [index, account] of ["08011112222", "08011113333"].entries()) {
      await freebit({
        path: "/master/addAcnt/",
        json: {
          authKey,
          // The MVNO contract fields PA02-01 documents (decision 0068).
          masterAccount: "AAA0_00000000001",
          masterPassword: "master-password",
          relationCode: "REL01",
          simKind: "sim",
          deliveryCode: "DLV01",
          shipDate: "20260401",
          createType: "new",
          requestKey: `${orderId}:line${index}`,
          requestDatas: [{ kind: "MVNO", account, planCode: "DATA_10GB" }],
        },
      });
    }
    expect(await report()).toMatchObject({ simLines: 1, freebitActivations: 2 });
  });

  it("holds a call undone (hold-before), skips the first matches, drops it when its client is gone, and logs calls in order", async () => {
    const [order] = await makeOrders(1, 1);
    const { orderId } = order!;
    await fetch(`${sandbox.url}/__control/calls/reset`, { method: "POST" });
    const patch = (status: string, signal?: AbortSignal) =>
      fetch(`${session.instanceUrl}/services/data/v62.0/sobjects/Order/${orderId}`, {
        method: "PATCH",
        headers: {
          authorization: `Bearer ${session.token.access_token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ Activation_Status__c: status }),
        ...(signal ? { signal } : {}),
      });
    const match = "PATCH /services/data/:version/sobjects/Order/:id";
    expect(
      (
        await control("/faults", {
          system: "salesforce",
          match,
          kind: "hold-before",
          skip: 2,
          times: 1,
        })
      ).status,
    ).toBe(201);
    const report = async () =>
      (await control("/fulfilment/report", { orderIds: [orderId] })).json.orders[0];

    // The first two PATCHes pass, the third waits undone; released, it is carried out.
    expect((await patch("Activating")).status).toBe(204);
    expect((await patch("Not Started")).status).toBe(204);
    const waiting = patch("Activating");
    await expect
      .poll(async () => (await control("/holds")).json.held)
      .toMatchObject([
        {
          system: "salesforce",
          phase: "before",
          subject: expect.stringContaining(match),
          clientGone: false,
        },
      ]);
    expect((await report())?.activationStatus).toBe("Not Started");
    await control("/holds/release", {});
    expect((await waiting).status).toBe(204);
    expect((await report())?.activationStatus).toBe("Activating");

    // A client gone while its call waits: the call is dropped, nothing changes.
    expect((await patch("Not Started")).status).toBe(204);
    await control("/faults", { system: "salesforce", match, kind: "hold-before", times: 1 });
    const abandoned = new AbortController();
    const dropped = patch("Activating", abandoned.signal).catch((error: unknown) => error);
    await expect.poll(async () => (await control("/holds")).json.held).toHaveLength(1);
    abandoned.abort();
    await dropped;
    // Released only once the sandbox has seen the socket close.
    await expect
      .poll(async () => (await control("/holds")).json.held)
      .toMatchObject([{ clientGone: true }]);
    expect((await control("/holds/release", {})).json).toEqual({ released: 1 });
    expect((await patch("Not Started")).status).toBe(204);
    expect((await report())?.activationStatus).toBe("Not Started");
    const log = (await control("/calls/log")).json.calls.filter((entry) =>
      entry.call.startsWith("PATCH /services/data/:version/sobjects/Order/"),
    );
    expect(log).toHaveLength(6);
  });
});
