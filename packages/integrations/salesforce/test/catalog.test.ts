import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SalesforceClient, SalesforceError } from "../src/index.js";
import { FakeSalesforce, sfRecord } from "./fake-salesforce.js";

/** The SOQL `catalog.listPortalItems("Portal", "sim")` must send, as jsforce's builder writes it. */
const SIM_SOQL =
  "SELECT Id, Pricebook2Id, Product2Id, UnitPrice, IsActive, Product2.Id, Product2.StockKeepingUnit, " +
  "Product2.Name, Product2.Name_En__c, Product2.Description, Product2.Description_En__c, " +
  "Product2.Portal_Category__c, Product2.Portal_Visible__c, " +
  "Product2.Item_Class__c, Product2.Billing_Cycle__c, Product2.WH_Product_ID__c, " +
  "Product2.Internet_Offering_Type__c, Product2.Internet_Plan_Tier__c, Product2.SIM_Data_Size__c, " +
  "Product2.SIM_Plan_Type__c, Product2.SIM_Type__c, Product2.Display_Order__c, Product2.IsActive " +
  "FROM PricebookEntry WHERE Pricebook2.Name = 'Portal' AND Pricebook2.IsActive = true " +
  "AND IsActive = true AND Product2.IsActive = true AND Product2.Portal_Visible__c = true " +
  "AND Product2.Portal_Category__c = 'SIM' " +
  "ORDER BY Product2.Display_Order__c ASC, Product2.StockKeepingUnit ASC";

function entry(id: string, sku: string, fields: Record<string, unknown> = {}) {
  const { Pricebook2Id = "01sDEMO00000002AAA", UnitPrice = 773, ...product } = fields;
  return sfRecord("PricebookEntry", {
    Id: id,
    Pricebook2Id,
    Product2Id: `01t${id.slice(3)}`,
    UnitPrice,
    IsActive: true,
    Product2: sfRecord("Product2", {
      Id: `01t${id.slice(3)}`,
      StockKeepingUnit: sku,
      Name: sku,
      Name_En__c: null,
      Description: null,
      Description_En__c: null,
      Portal_Category__c: "SIM",
      Portal_Visible__c: true,
      Item_Class__c: "Service",
      Billing_Cycle__c: "Monthly",
      WH_Product_ID__c: "201",
      Internet_Offering_Type__c: null,
      Internet_Plan_Tier__c: null,
      SIM_Data_Size__c: 2,
      SIM_Plan_Type__c: "Data+Voice",
      SIM_Type__c: null,
      Display_Order__c: 10,
      IsActive: true,
      ...product,
    }),
  });
}

let fake: FakeSalesforce;
let warnings: { obj: object; msg: string }[];

beforeEach(async () => {
  fake = await FakeSalesforce.start();
  warnings = [];
});

afterEach(async () => {
  await fake.close();
});

function client(): SalesforceClient {
  return new SalesforceClient({
    loginUrl: fake.url,
    audience: "https://login.salesforce.com",
    clientId: fake.clientId,
    username: fake.username,
    privateKeyPem: fake.privateKeyPem(),
    apiVersion: "62.0",
    timeoutMs: 2000,
    concurrency: 4,
    ratePerSecond: 100,
    readRetries: 0,
    logger: { warn: (obj, msg) => warnings.push({ obj, msg }), debug: () => undefined },
  });
}

describe("catalog.listPortalItems", () => {
  it("sends the builder's SOQL for the portal price book and maps the entries", async () => {
    fake.queries.set(SIM_SOQL, [entry("01uDEMO00000040AAA", "SIM-VOICE-2GB")]);

    const items = await client().catalog.listPortalItems("Portal", "sim");

    expect(fake.requests.map((request) => request.q)).toEqual([SIM_SOQL]);
    expect(items).toMatchObject([
      {
        id: "01uDEMO00000040AAA",
        sku: "SIM-VOICE-2GB",
        category: "sim",
        simPlanType: "voice",
        price: { taxIncluded: { amount: 850, currency: "JPY" } },
      },
    ]);
  });

  it("leaves out an entry it cannot offer and logs which and why", async () => {
    fake.queries.set(SIM_SOQL, [
      entry("01uDEMO00000040AAA", "SIM-VOICE-2GB"),
      entry("01uDEMO00000042AAA", "SIM-ODD", { Item_Class__c: "Bundle" }),
    ]);

    const items = await client().catalog.listPortalItems("Portal", "sim");

    expect(items.map((item) => item.sku)).toEqual(["SIM-VOICE-2GB"]);
    expect(warnings).toEqual([
      {
        obj: { pricebookEntryId: "01uDEMO00000042AAA", field: "Product2.Item_Class__c" },
        msg: expect.stringContaining('unknown value "Bundle"') as string,
      },
    ]);
  });

  it("refuses entries from two price books of the same name as malformed", async () => {
    fake.queries.set(SIM_SOQL, [
      entry("01uDEMO00000040AAA", "SIM-VOICE-2GB"),
      entry("01uDEMO00000044AAA", "SIM-VOICE-5GB", { Pricebook2Id: "01sDEMO00000003AAA" }),
    ]);

    const error = await client()
      .catalog.listPortalItems("Portal", "sim")
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SalesforceError);
    expect(error).toMatchObject({ kind: "malformed", operation: "listCatalogItems" });
  });

  it.each([
    ["", "sim"],
    ["x".repeat(256), "sim"],
    ["Portal", "tv"],
  ])("rejects price book %j / category %j before any call", async (name, category) => {
    const error = await client()
      .catalog.listPortalItems(name, category as "sim")
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: "rejected" });
    expect(fake.requests).toEqual([]);
  });
});
