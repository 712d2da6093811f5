import { describe, expect, it } from "vitest";
import { toBillingOrder } from "../../src/mappers/billing-order.js";
import { toClientService } from "../../src/mappers/client-service.js";
import { toAddOrderParams } from "../../src/mappers/order-params.js";
import { toServiceBillingCycle } from "../../src/mappers/service-billing-cycle.js";
import {
  addOrderResponseSchema,
  getClientsProductsResponseSchema,
  getOrdersResponseSchema,
} from "../../src/raw/orders.js";
import { getProductsResponseSchema } from "../../src/raw/products.js";
import { fixture } from "../fixtures/fixture.js";

describe("order answers as the reference shows them", () => {
  it("reads AddOrder's comma-separated id lists", () => {
    expect(addOrderResponseSchema.parse(fixture("addorder"))).toEqual({
      orderid: 1,
      serviceids: [1, 2],
      addonids: [1, 2, 3],
      domainids: [1, 2],
      invoiceid: 1,
    });
    const none = addOrderResponseSchema.parse({ orderid: "4", serviceids: "", domainids: "" });
    expect([none.serviceids, none.addonids, none.invoiceid]).toEqual([[], [], undefined]);
  });

  it("maps a GetOrders row to a BillingOrder with its service ids", () => {
    const [row] = getOrdersResponseSchema.parse(fixture("getorders")).orders;
    expect(row && toBillingOrder(row)).toEqual({
      id: 1,
      number: "7858259149",
      clientId: 1,
      status: "active",
      invoiceId: 1,
      serviceIds: [1],
    });
  });

  it("maps GetClientsProducts rows (every value a string) to ClientService", () => {
    const rows = getClientsProductsResponseSchema.parse(fixture("getclientsproducts")).products;
    expect(rows.map((row) => toClientService(row, "USD"))).toEqual([
      {
        id: 1,
        clientId: 1,
        orderId: 1,
        productId: 1,
        productName: "Starter",
        groupName: "Shared Hosting",
        status: "terminated",
        quantity: 1,
        billingCycle: "monthly",
        firstPayment: { amount: 1295, currency: "USD" },
        recurring: { amount: 1295, currency: "USD" },
        registeredOn: "2015-01-01",
        nextDueOn: "2016-11-25",
        customFields: {},
      },
      expect.objectContaining({ id: 2, quantity: 2, status: "active", productId: 3 }),
    ]);
  });

  it("keeps a service's custom fields by name and reads a zero due date as none", () => {
    const answer = fixture("getclientsproducts");
    const product = (answer.products as { product: Record<string, unknown>[] }).product[0] ?? {};
    product.nextduedate = "0000-00-00";
    product.customfields = {
      customfield: [{ id: "7", name: "Salesforce Order ID", translated_name: "", value: "801A" }],
    };
    const [row] = getClientsProductsResponseSchema.parse(answer).products;
    expect(row && toClientService(row, "JPY")).toMatchObject({
      nextDueOn: null,
      customFields: { "Salesforce Order ID": "801A" },
      firstPayment: { amount: 13, currency: "JPY" },
    });
  });

  it("reads GetProducts with its order-form custom fields", () => {
    const [product] = getProductsResponseSchema.parse(fixture("getproducts")).products;
    expect(product).toMatchObject({
      pid: 1,
      paytype: "recurring",
      customfields: [{ id: 2, name: "Secondary Contact" }],
    });
  });

  it("reads every billing cycle WHMCS stores, and refuses one it does not document", () => {
    expect(
      ["Free Account", "One Time", "Monthly", "Quarterly", "Semi-Annually", "Annually"].map(
        toServiceBillingCycle,
      ),
    ).toEqual(["free", "one_time", "monthly", "quarterly", "semi_annually", "annually"]);
    expect(["Biennially", "Triennially"].map(toServiceBillingCycle)).toEqual([
      "biennially",
      "triennially",
    ]);
    expect(() => toServiceBillingCycle("Weekly")).toThrow(/Weekly/);
  });
});

describe("toAddOrderParams", () => {
  it("sends the lines as indexed PHP arrays, custom fields base64 PHP-serialized", () => {
    const params = toAddOrderParams({
      clientId: 1,
      paymentMethod: "stripe",
      noEmail: true,
      lines: [
        { productId: 202, billingCycle: "monthly", customFields: new Map([[2021, "801A"]]) },
        { productId: 301, quantity: 2 },
      ],
    });
    expect(params).toEqual({
      clientid: 1,
      paymentmethod: "stripe",
      noemail: "true",
      "pid[0]": 202,
      "qty[0]": 1,
      "billingcycle[0]": "monthly",
      "customfields[0]": Buffer.from('a:1:{i:2021;s:4:"801A";}').toString("base64"),
      "pid[1]": 301,
      "qty[1]": 2,
      "billingcycle[1]": undefined,
      "customfields[1]": undefined,
    });
  });
});
