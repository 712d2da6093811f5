import { raw } from "@portal/salesforce";
import { z } from "zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../src/index.js";
import {
  PORTAL_PRICEBOOK_ID,
  portalEntryId,
  STANDARD_PRICEBOOK_ID,
} from "../src/salesforce/seed/catalog-seed.js";
import { salesforceSession, type SalesforceSession } from "./support/salesforce-session.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let sandbox: Sandbox;
let session: SalesforceSession;

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
  session = await salesforceSession(sandbox, secrets);
});

const V = "/services/data/v62.0";
const query = async (soql: string) => session.get(`${V}/query?q=${encodeURIComponent(soql)}`);

/** The catalog query as the integration package builds it (every field of the raw schema). */
const CATALOG_SOQL = `SELECT ${[
  ...raw.pricebookEntryFields,
  ...raw.catalogProductFields.map((field) => `Product2.${field}`),
].join(
  ", ",
)} FROM PricebookEntry WHERE Pricebook2.Name = 'Portal' AND IsActive = true AND Product2.IsActive = true AND Product2.Portal_Visible__c = true AND Product2.Portal_Category__c = 'SIM' ORDER BY Product2.Display_Order__c ASC`;

const catalogAnswerSchema = raw.queryResultSchema(raw.rawCatalogEntrySchema);

describe("catalog objects over the REST API", () => {
  it("answers the catalog query with Product2 relationship fields, leaving out retired products", async () => {
    const answer = await query(CATALOG_SOQL);

    expect(answer.status).toBe(200);
    const result = catalogAnswerSchema.parse(answer.body);
    const skus = result.records.map((record) => record.Product2?.StockKeepingUnit);
    expect(skus).toContain("SIM-VOICE-2GB");
    expect(skus).toContain("SIM-ISSUE-ESIM");
    expect(skus).not.toContain("SIM-DATA-100GB");
    expect(result.records.every((record) => record.Pricebook2Id === PORTAL_PRICEBOOK_ID)).toBe(
      true,
    );
    const voice2 = result.records.find(
      (record) => record.Product2?.StockKeepingUnit === "SIM-VOICE-2GB",
    );
    expect(voice2).toMatchObject({
      Id: portalEntryId("SIM-VOICE-2GB"),
      UnitPrice: 773,
      attributes: { type: "PricebookEntry" },
      Product2: {
        attributes: { type: "Product2" },
        Item_Class__c: "Service",
        Billing_Cycle__c: "Monthly",
        SIM_Data_Size__c: 2,
        SIM_Plan_Type__c: "Data+Voice",
      },
    });
    const orders = result.records.map((record) => record.Product2?.Display_Order__c ?? 0);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it("changes a price with PATCH, records it in the change log, and the next query has it", async () => {
    const id = portalEntryId("SIM-VOICE-5GB");
    const patch = await session.request(`${V}/sobjects/PricebookEntry/${id}`, {
      method: "PATCH",
      body: { UnitPrice: 900 },
    });

    expect(patch.status).toBe(204);
    const answer = await query(
      `SELECT UnitPrice, Product2.Name, Product2.Name_En__c FROM PricebookEntry WHERE Id = '${id}'`,
    );
    expect(answer.body).toMatchObject({
      records: [
        {
          UnitPrice: 900,
          Product2: { Name: "音声SIM 5GB", Name_En__c: "SIM Data+Voice 5GB" },
        },
      ],
    });
    const changes = z
      .object({
        events: z.array(
          z.object({
            entityName: z.string(),
            changedFields: z.array(z.string()),
            fields: z.record(z.string(), z.unknown()),
          }),
        ),
      })
      .parse(await (await fetch(`${sandbox.url}/__control/salesforce/changes`)).json());
    expect(changes.events.at(-1)).toMatchObject({
      entityName: "PricebookEntry",
      changedFields: ["UnitPrice", "LastModifiedDate"],
      fields: { UnitPrice: 900 },
    });
  });

  it("refuses to move an entry to another product (Product2Id is create-only)", async () => {
    const patch = await session.request(
      `${V}/sobjects/PricebookEntry/${portalEntryId("SIM-VOICE-5GB")}`,
      { method: "PATCH", body: { Product2Id: "01tDEMO00000001AAA" } },
    );

    expect(patch.status).toBe(400);
    expect(patch.body).toEqual([
      expect.objectContaining({
        errorCode: "INVALID_FIELD_FOR_INSERT_UPDATE",
        fields: ["Product2Id"],
      }),
    ]);
  });

  it("adds a product to the portal price book only after its standard price, and only once", async () => {
    const created = z.object({ id: z.string() });
    const product = await session.request(`${V}/sobjects/Product2`, {
      method: "POST",
      body: {
        Name: "データSIM 30GB",
        Name_En__c: "SIM Data Only 30GB",
        StockKeepingUnit: "SIM-DATA-30GB",
        IsActive: true,
        Portal_Category__c: "SIM",
        Portal_Visible__c: true,
        Item_Class__c: "Service",
        Billing_Cycle__c: "Monthly",
        SIM_Data_Size__c: 30,
        SIM_Plan_Type__c: "Data Only",
      },
    });
    expect(product.status).toBe(201);
    const productId = created.parse(product.body).id;
    const addEntry = (pricebookId: string) =>
      session.request(`${V}/sobjects/PricebookEntry`, {
        method: "POST",
        body: {
          Pricebook2Id: pricebookId,
          Product2Id: productId,
          UnitPrice: 2_400,
          IsActive: true,
        },
      });

    const tooEarly = await addEntry(PORTAL_PRICEBOOK_ID);
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body).toEqual([
      expect.objectContaining({ errorCode: "STANDARD_PRICE_NOT_DEFINED" }),
    ]);
    expect((await addEntry(STANDARD_PRICEBOOK_ID)).status).toBe(201);
    expect((await addEntry(PORTAL_PRICEBOOK_ID)).status).toBe(201);
    const twice = await addEntry(PORTAL_PRICEBOOK_ID);
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual([expect.objectContaining({ errorCode: "DUPLICATE_VALUE" })]);

    const skus = catalogAnswerSchema
      .parse((await query(CATALOG_SOQL)).body)
      .records.map((record) => record.Product2?.StockKeepingUnit);
    expect(skus).toContain("SIM-DATA-30GB");
  });

  it("describes PricebookEntry with its lookups and Product2 with its picklists", async () => {
    const entry = await session.get(`${V}/sobjects/PricebookEntry/describe`);
    const product = await session.get(`${V}/sobjects/Product2/describe`);

    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({ name: "PricebookEntry", keyPrefix: "01u" });
    const entryFields = z
      .object({
        fields: z.array(
          z.object({ name: z.string(), relationshipName: z.string().nullable().optional() }),
        ),
      })
      .parse(entry.body).fields;
    expect(entryFields.find((field) => field.name === "Product2Id")?.relationshipName).toBe(
      "Product2",
    );
    expect(product.body).toMatchObject({ name: "Product2", keyPrefix: "01t" });
  });

  it("lets the console change a price and hide a product, through the change log", async () => {
    const id = portalEntryId("VPN-ROUTER-STD");
    const control = (path: string, body: unknown) =>
      fetch(`${sandbox.url}/__control/salesforce/${path}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    expect((await control(`pricebook-entries/${id}`, { unitPrice: 2_700 })).status).toBe(204);
    const productId = z
      .object({ records: z.array(z.object({ Product2Id: z.string() })) })
      .parse((await query(`SELECT Product2Id FROM PricebookEntry WHERE Id = '${id}'`)).body)
      .records[0]?.Product2Id;
    expect((await control(`products/${productId}`, { visible: false })).status).toBe(204);
    expect((await control(`pricebook-entries/${id}`, { unitPrice: -1 })).status).toBe(400);

    const answer = await query(
      `SELECT UnitPrice, Product2.Portal_Visible__c FROM PricebookEntry WHERE Id = '${id}'`,
    );
    expect(answer.body).toMatchObject({
      records: [{ UnitPrice: 2_700, Product2: { Portal_Visible__c: false } }],
    });
    const page = await (await fetch(`${sandbox.url}/`)).text();
    expect(page).toContain("VPN-ROUTER-STD");
  });
});
