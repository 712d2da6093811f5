import { raw } from "@portal/whmcs";
import { serialize } from "php-serialize";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../src/index.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  whmcsCall,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let sandbox: Sandbox;

beforeAll(async () => {
  secrets = await createTestSecrets();
  sandbox = await startTestSandbox(secrets);
});
afterAll(async () => {
  await sandbox.close();
  await removeTestSecrets(secrets);
});
beforeEach(async () => {
  await sandbox.reset();
});

const call = (action: string, params?: Record<string, string | number>) =>
  whmcsCall(sandbox, secrets, action, params);

/** base64(serialize({fieldId: value})), as the AddOrder example builds `customfields[]`. */
const customFields = (values: Record<number, string>): string =>
  Buffer.from(
    serialize(new Map(Object.entries(values).map(([id, value]) => [Number(id), value]))),
  ).toString("base64");

describe("GetProducts", () => {
  it("lists the products the Salesforce catalog names by WH_Product_ID__c, in the documented shape", async () => {
    const { body } = await call("GetProducts", { pid: "101,202" });
    const parsed = raw.getProductsResponseSchema.parse(body);
    expect(parsed.totalresults).toBe(2);
    expect(parsed.products.map((product) => [product.pid, product.name, product.gid])).toEqual([
      [101, "Fibre Home 1G Standard", 1],
      [202, "SIM Data+Voice 5GB", 2],
    ]);
    expect(parsed.products[1]?.customfields).toEqual([
      {
        id: 2021,
        name: "Salesforce Order ID",
        description: "Set by the customer portal",
        required: "",
      },
    ]);
    expect(body).toMatchObject({
      products: { product: [{ pricing: { JPY: { monthly: "4900.00", annually: "-1.00" } } }, {}] },
    });
  });

  it("filters by group", async () => {
    const parsed = raw.getProductsResponseSchema.parse(
      (await call("GetProducts", { gid: 3 })).body,
    );
    expect(parsed.products.map((product) => product.pid)).toEqual([301, 302]);
  });
});

describe("AddOrder → AcceptOrder → GetOrders / GetClientsProducts", () => {
  const order = {
    clientid: 1,
    paymentmethod: "stripe",
    "pid[0]": 202,
    "billingcycle[0]": "monthly",
    "customfields[0]": customFields({ 2021: "801DEMO000000001" }),
    "pid[1]": 301,
    "qty[1]": 2,
  };

  it("creates a pending order with pending services and an unpaid invoice, answered as the example shows", async () => {
    const { body } = await call("AddOrder", order);
    expect(body).toEqual({
      result: "success",
      orderid: "4",
      serviceids: "4,5",
      addonids: "",
      domainids: "",
      invoiceid: expect.stringMatching(/^\d+$/),
    });
    const placed = raw.addOrderResponseSchema.parse(body);

    const orders = raw.getOrdersResponseSchema.parse((await call("GetOrders", { id: 4 })).body);
    expect(orders.orders).toHaveLength(1);
    expect(orders.orders[0]).toMatchObject({
      id: 4,
      userid: 1,
      status: "Pending",
      paymentmethod: "stripe",
      paymentstatus: "Unpaid",
      invoiceid: placed.invoiceid,
      amount: "5860.00",
    });
    expect(orders.orders[0]?.lineitems.map((item) => [item.relid, item.status])).toEqual([
      [4, "Pending"],
      [5, "Pending"],
    ]);

    const invoice = (await call("GetInvoice", { invoiceid: placed.invoiceid ?? 0 })).body;
    expect(invoice).toMatchObject({ status: "Unpaid", subtotal: "5860.00", userid: 1 });

    const services = raw.getClientsProductsResponseSchema.parse(
      (await call("GetClientsProducts", { clientid: 1 })).body,
    );
    expect(services.products.map((service) => [service.id, service.pid, service.status])).toEqual([
      [1, 101, "Active"],
      [4, 202, "Pending"],
      [5, 301, "Pending"],
    ]);
    expect(services.products[1]?.customfields).toEqual([
      {
        id: 2021,
        name: "Salesforce Order ID",
        translated_name: "Salesforce Order ID",
        value: "801DEMO000000001",
      },
    ]);
    expect(services.products[2]).toMatchObject({ qty: 2, recurringamount: "5000.00" });
  });

  it("AcceptOrder makes the order and its services Active, and refuses a second time", async () => {
    await call("AddOrder", order);
    expect((await call("AcceptOrder", { orderid: 4 })).body).toEqual({ result: "success" });
    const orders = raw.getOrdersResponseSchema.parse((await call("GetOrders", { userid: 1 })).body);
    expect(orders.orders.map((row) => [row.id, row.status])).toEqual([
      [4, "Active"],
      [1, "Active"],
    ]);
    const services = raw.getClientsProductsResponseSchema.parse(
      (await call("GetClientsProducts", { clientid: 1, pid: 301 })).body,
    );
    expect(services.products.map((service) => service.status)).toEqual(["Active"]);

    expect((await call("AcceptOrder", { orderid: 4 })).body).toEqual({
      result: "error",
      message: "Order ID not found or Status not Pending",
    });
    expect((await call("AcceptOrder", { orderid: 999 })).body).toMatchObject({ result: "error" });
  });

  it("shows the order and its services on the console", async () => {
    await call("AddOrder", order);
    const page = await (await fetch(`${sandbox.url}/`)).text();
    expect(page).toContain("WHMCS orders");
    expect(page).toMatch(/#4 SIM Data\+Voice 5GB\s*\(Pending\)/);
  });

  it("makes no invoice with noinvoice", async () => {
    const { body } = await call("AddOrder", { ...order, noinvoice: "true" });
    expect(body).toMatchObject({ invoiceid: "0" });
  });

  it("refuses as the reference lists", async () => {
    const refusal = async (params: Record<string, string | number>) =>
      (await call("AddOrder", params)).body;
    expect(await refusal({ ...order, clientid: 999 })).toEqual({
      result: "error",
      message: "Client ID Not Found",
    });
    expect(await refusal({ ...order, paymentmethod: "paypal" })).toEqual({
      result: "error",
      message: "Invalid Payment Method. Valid options include stripe,banktransfer,directdebit",
    });
    expect(await refusal({ clientid: 1, paymentmethod: "stripe" })).toEqual({
      result: "error",
      message: "No items added to cart so order cannot proceed",
    });
    expect(await refusal({ clientid: 1, paymentmethod: "stripe", "pid[0]": 9999 })).toEqual({
      result: "error",
      message: "No items added to cart so order cannot proceed",
    });
    expect(await refusal({ clientid: 1, paymentmethod: "stripe", pid: 202 })).toEqual({
      result: "error",
      message: "Expecting parameter 'pid' to be an array",
    });
  });
});

describe("GetClientsProducts", () => {
  it("echoes the filters and counts as the example does", async () => {
    const { body } = await call("GetClientsProducts", { clientid: 2 });
    expect(body).toMatchObject({
      result: "success",
      clientid: "2",
      serviceid: null,
      pid: null,
      domain: null,
      totalresults: "1",
      startnumber: 0,
      numreturned: 1,
      products: { product: [{ id: "2", pid: "212", status: "Active", billingcycle: "Monthly" }] },
    });
  });
});
