import {
  japanDate,
  type OrderChoice,
  orderDetailSchema,
  quoteOrder,
  type SimCatalog,
  simCatalogSchema,
  type SimOrderDetails,
  internetCatalogSchema,
} from "@portal/domain";
import { FreebitClient } from "@portal/freebit";
import { SalesforceClient } from "@portal/salesforce";
import { expect } from "vitest";
import { simRequestKey } from "../../src/modules/fulfilment/fulfilment-workflow.js";
import { DEMO } from "./demo-data.js";
import { type PortalClient } from "./portal-client.js";
import { type Stack } from "./stack.js";

/*
 * Orders as fulfilment tests need them (issue 8): placed by the demo customer through checkout,
 * approved by staff in the sandbox's Salesforce, and read back from Salesforce, WHMCS and Freebit
 * to check that a fulfilled Order shows everything once.
 */

/** The demo customer's Salesforce Account. */
export const DEMO_ACCOUNT = "001DEMO00000001YDA";
export const EID = "89049032000001000000000000000002";
export const MNP = {
  reservationNumber: "2234567890",
  expiresOn: japanDate(new Date(), 10),
  lastName: "山田",
  firstName: "花子",
  lastNameKana: "ヤマダ",
  firstNameKana: "ハナコ",
  birthdate: "1988-02-03",
  gender: "female",
} as const;

/** Places, approves and inspects the demo customer's Orders on `stack`, as `customer` (signed in). */
export class FulfilmentOrders {
  private keyCounter = 0;

  constructor(
    private readonly stack: Stack,
    private readonly customer: PortalClient,
  ) {}

  async simCatalog(): Promise<SimCatalog> {
    return simCatalogSchema.parse((await this.customer.get("/api/catalog/sim")).json);
  }

  /** Places `choice` as the demo customer through checkout; returns the Order Id. */
  async place(choice: OrderChoice): Promise<string> {
    const catalog =
      choice.category === "sim"
        ? await this.simCatalog()
        : internetCatalogSchema.parse((await this.customer.get("/api/catalog/internet")).json);
    this.keyCounter += 1;
    const response = await this.customer.post(
      "/api/orders",
      { ...choice, expectedTotals: quoteOrder(choice, catalog as never).totals },
      { headers: { "idempotency-key": `fulfilment-test-${Date.now()}-${this.keyCounter}` } },
    );
    expect(response.status).toBe(201);
    return orderDetailSchema.parse(response.json).id;
  }

  async simChoice(simType: "physical" | "esim"): Promise<OrderChoice> {
    const catalog = await this.simCatalog();
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
  async approve(orderId: string): Promise<void> {
    await this.stack.salesforce.update("Order", orderId, { Status: "Approved" });
  }

  async orderRow(orderId: string): Promise<Record<string, unknown>> {
    const [row] = await this.stack.salesforce.query(
      `SELECT Id, Status, Activation_Status__c, Activation_Error_Code__c, Activation_Error_Message__c, WHMCS_Order_ID__c FROM Order WHERE Id = '${orderId}'`,
    );
    if (!row) throw new Error(`No Order ${orderId}`);
    return row;
  }

  async itemRows(orderId: string): Promise<Record<string, unknown>[]> {
    return this.stack.salesforce.query(
      `SELECT Id, WHMCS_Service_ID__c, Product2.WH_Product_ID__c, Product2.SIM_Plan_Type__c FROM OrderItem WHERE OrderId = '${orderId}'`,
    );
  }

  /** How often Activation_Status__c became `value` (OrderHistory). */
  async activationChanges(orderId: string, value: string): Promise<number> {
    const rows = await this.stack.salesforce.query(
      `SELECT Id, Field, NewValue FROM OrderHistory WHERE OrderId = '${orderId}'`,
    );
    return rows.filter((row) => row.Field === "Activation_Status__c" && row.NewValue === value)
      .length;
  }

  /** The WHMCS orders of the demo client whose services carry `orderId` as reference. */
  async whmcsOrdersFor(clientId: number, orderId: string): Promise<Set<number>> {
    const body = (await this.stack.whmcs.call("GetClientsProducts", {
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
  async servicesOf(clientId: number, whmcsOrderId: number) {
    const body = (await this.stack.whmcs.call("GetClientsProducts", {
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
  async expectFulfilledOnce(orderId: string, simLines: number): Promise<void> {
    const order = await this.orderRow(orderId);
    expect(order).toMatchObject({
      Status: "Activated",
      Activation_Status__c: "Activated",
      Activation_Error_Code__c: null,
    });
    const whmcsOrderId = Number(order.WHMCS_Order_ID__c);
    expect([...(await this.whmcsOrdersFor(DEMO.whmcsClientId, orderId))]).toEqual([whmcsOrderId]);
    const services = await this.servicesOf(DEMO.whmcsClientId, whmcsOrderId);
    const items = await this.itemRows(orderId);
    const billed = items.filter(
      (item) => (item.Product2 as Record<string, unknown> | null)?.WH_Product_ID__c != null,
    );
    expect(services).toHaveLength(billed.length);
    expect(services.every((service) => service.status === "Active")).toBe(true);
    expect(billed.map((item) => Number(item.WHMCS_Service_ID__c)).sort()).toEqual(
      services.map((service) => Number(service.id)).sort(),
    );
    const freebit = this.stack.app.get(FreebitClient);
    const simItems = items.filter(
      (item) => (item.Product2 as Record<string, unknown> | null)?.SIM_Plan_Type__c != null,
    );
    expect(simItems).toHaveLength(simLines);
    for (const item of simItems) {
      const activation = await freebit.activations.get(simRequestKey(orderId, String(item.Id)));
      expect(activation?.state).toBe("completed");
    }
    expect(await this.activationChanges(orderId, "Activated")).toBe(1);
  }
}

/** The address staff-entered test Orders carry. */
const STAFF_ORDER_ADDRESS = {
  postcode: "150-0001",
  prefecture: "Tokyo" as const,
  city: "渋谷区",
  street: "神宮前1-2-3",
  building: "",
  country: "JP" as const,
};

/**
 * A data-SIM Order for Account `accountId`, entered by staff straight into Salesforce (as checkout
 * would make it, but without checkout's checks: a customer without a payment method can have one),
 * `Pending Review`, for a physical SIM unless `sim` says otherwise; `customer` (signed in) reads
 * the catalog. Returns the Order Id.
 */
export async function staffSimOrder(
  stack: Stack,
  customer: PortalClient,
  accountId: string,
  requestId: string,
  sim: SimOrderDetails = { simType: "physical", eid: null, mnp: null },
): Promise<string> {
  const catalog = simCatalogSchema.parse((await customer.get("/api/catalog/sim")).json);
  const plan = catalog.plans.find((candidate) => candidate.simPlanType === "data");
  const [pricebook] = await stack.salesforce.query(
    "SELECT Id FROM Pricebook2 WHERE Name = 'Portal'",
  );
  const { orderId } = await stack.app.get(SalesforceClient).orders.create({
    requestId,
    accountId,
    pricebookId: String(pricebook?.Id),
    category: "sim",
    effectiveOn: japanDate(new Date()),
    billingAddress: STAFF_ORDER_ADDRESS,
    shippingAddress: STAFF_ORDER_ADDRESS,
    sim,
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
  return orderId;
}
