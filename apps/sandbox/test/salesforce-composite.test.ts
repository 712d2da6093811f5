import { raw } from "@portal/salesforce";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../src/index.js";
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
  const entries = await session.get(soql("SELECT Id, Product2Id FROM PricebookEntry LIMIT 1"));
  const entry = (entries.body as { records?: { Id: string; Product2Id: string }[] }).records?.[0];
  if (entries.status === 200 && entry) {
    PBE = entry.Id;
    PRODUCT = entry.Product2Id;
  }
});

const V = "/services/data/v62.0";
const soql = (text: string) => `${V}/query?q=${encodeURIComponent(text)}`;
/**
 * A price book entry and its product: a seeded one once the sandbox models PricebookEntry (the
 * catalog work), else well-formed ids (a lookup to an unmodelled type takes any; decision 0056).
 */
let PBE = "01u5g0000000001AAA";
let PRODUCT = "01t5g0000000001AAA";

/** The demo Account 100001's id. */
async function demoAccountId(): Promise<string> {
  const answer = (
    await session.get(soql("SELECT Id FROM Account WHERE SF_Account_No__c = '100001'"))
  ).body as { records: { Id: string }[] };
  return answer.records[0]?.Id ?? "";
}

async function composite(body: unknown): Promise<{ status: number; body: unknown }> {
  return session.request(`${V}/composite`, { method: "POST", body });
}

function orderBody(accountId: string): Record<string, unknown> {
  return {
    AccountId: accountId,
    Status: "Pending Review",
    EffectiveDate: "2026-03-31",
    Activation_Status__c: "Not Started",
    SIM_Type__c: "eSIM",
    EID__c: "89049032000001000000000000000001",
    BillingPostalCode: "150-0002",
  };
}

function itemSubrequest(referenceId: string, unitPrice: unknown) {
  return {
    method: "POST",
    url: `${V}/sobjects/OrderItem`,
    referenceId,
    body: {
      OrderId: "@{newOrder.id}",
      PricebookEntryId: PBE,
      Product2Id: PRODUCT,
      Quantity: 1,
      UnitPrice: unitPrice,
    },
  };
}

async function orderCount(): Promise<number> {
  return ((await session.get(soql("SELECT COUNT() FROM Order"))).body as { totalSize: number })
    .totalSize;
}

describe("POST /composite", () => {
  it("creates an Order and its items with @{ref.id} references and reads them back with a sub-query", async () => {
    const accountId = await demoAccountId();
    const { status, body } = await composite({
      allOrNone: true,
      collateSubrequests: false,
      compositeRequest: [
        {
          method: "POST",
          url: `${V}/sobjects/Order`,
          referenceId: "newOrder",
          body: orderBody(accountId),
        },
        itemSubrequest("plan", 2980),
        itemSubrequest("fee", 3300),
        {
          method: "GET",
          // The reference stays literal in the URL, as the guide's examples write it.
          url: `${V}/query?q=${encodeURIComponent("SELECT Id, OrderNumber, (SELECT UnitPrice, TotalPrice FROM OrderItems) FROM Order WHERE Id = ")}'@{newOrder.id}'`,
          referenceId: "readBack",
        },
      ],
    });

    expect(status).toBe(200);
    const answer = raw.compositeResponseSchema.parse(body).compositeResponse;
    expect(answer.map((result) => [result.referenceId, result.httpStatusCode])).toEqual([
      ["newOrder", 201],
      ["plan", 201],
      ["fee", 201],
      ["readBack", 200],
    ]);
    const created = raw.recordCreatedSchema.parse(answer[0]?.body);
    expect(created.id).toMatch(/^801/);
    expect(answer[0]?.httpHeaders.Location).toBe(`${V}/sobjects/Order/${created.id}`);
    const readBack = answer[3]?.body as {
      records: { OrderNumber: string; OrderItems: { records: { TotalPrice: number }[] } }[];
    };
    expect(readBack.records[0]?.OrderNumber).toMatch(/^\d{8}$/);
    expect(readBack.records[0]?.OrderItems.records.map((item) => item.TotalPrice)).toEqual([
      2980, 3300,
    ]);
  });

  it("refuses a second Order with the same Portal_Request_Id__c (a unique External ID) as DUPLICATE_VALUE", async () => {
    const accountId = await demoAccountId();
    const create = () =>
      composite({
        allOrNone: true,
        compositeRequest: [
          {
            method: "POST",
            url: `${V}/sobjects/Order`,
            referenceId: "newOrder",
            body: { ...orderBody(accountId), Portal_Request_Id__c: "req-abc" },
          },
          itemSubrequest("plan", 2980),
        ],
      });
    const first = raw.compositeResponseSchema.parse((await create()).body).compositeResponse;
    expect(first.map((result) => result.httpStatusCode)).toEqual([201, 201]);
    const firstId = raw.recordCreatedSchema.parse(first[0]?.body).id;
    const before = await orderCount();

    const second = raw.compositeResponseSchema.parse((await create()).body).compositeResponse;

    expect(second[0]?.httpStatusCode).toBe(400);
    expect(second[0]?.body).toEqual([
      {
        errorCode: "DUPLICATE_VALUE",
        message: `duplicate value found: Portal_Request_Id__c duplicates value on record with id: ${firstId}`,
        fields: [],
      },
    ]);
    expect(await orderCount()).toBe(before);
    const described = (await session.get(`${V}/sobjects/Order/describe`)).body as {
      fields: { name: string; externalId: boolean; unique: boolean }[];
    };
    expect(described.fields.find((field) => field.name === "Portal_Request_Id__c")).toMatchObject({
      externalId: true,
      unique: true,
    });
  });

  it("rolls everything back on allOrNone failure: PROCESSING_HALTED for the others, no Order left", async () => {
    const accountId = await demoAccountId();
    const before = await orderCount();
    const changesBefore = (await (
      await fetch(`${sandbox.url}/__control/salesforce/changes`)
    ).json()) as {
      events: unknown[];
    };

    const { status, body } = await composite({
      allOrNone: true,
      compositeRequest: [
        {
          method: "POST",
          url: `${V}/sobjects/Order`,
          referenceId: "newOrder",
          body: orderBody(accountId),
        },
        itemSubrequest("plan", 2980),
        itemSubrequest("broken", "not a price"),
      ],
    });

    expect(status).toBe(200);
    const answer = raw.compositeResponseSchema.parse(body).compositeResponse;
    expect(answer.map((result) => [result.referenceId, result.httpStatusCode])).toEqual([
      ["newOrder", 400],
      ["plan", 400],
      ["broken", 400],
    ]);
    expect(answer[0]?.body).toEqual([
      {
        errorCode: "PROCESSING_HALTED",
        message:
          "The transaction was rolled back since another operation in the same transaction failed.",
      },
    ]);
    expect(raw.subrequestErrorsSchema.parse(answer[2]?.body)[0]?.errorCode).toBe(
      "JSON_PARSER_ERROR",
    );
    expect(await orderCount()).toBe(before);
    const changesAfter = (await (
      await fetch(`${sandbox.url}/__control/salesforce/changes`)
    ).json()) as {
      events: unknown[];
    };
    expect(changesAfter.events).toHaveLength(changesBefore.events.length);
  });

  it("without allOrNone keeps what succeeded and halts only the subrequests that refer to a failure", async () => {
    const accountId = await demoAccountId();
    const { body } = await composite({
      allOrNone: false,
      compositeRequest: [
        {
          method: "POST",
          url: `${V}/sobjects/Order`,
          referenceId: "newOrder",
          body: { AccountId: accountId },
        },
        itemSubrequest("plan", 2980),
        {
          method: "GET",
          url: `${V}/sobjects/Account/${accountId}?fields=Name`,
          referenceId: "account",
        },
      ],
    });

    const answer = raw.compositeResponseSchema.parse(body).compositeResponse;
    expect(answer.map((result) => result.httpStatusCode)).toEqual([400, 400, 200]);
    expect(raw.subrequestErrorsSchema.parse(answer[0]?.body)[0]?.errorCode).toBe(
      "REQUIRED_FIELD_MISSING",
    );
    expect(raw.subrequestErrorsSchema.parse(answer[1]?.body)[0]).toMatchObject({
      errorCode: "PROCESSING_HALTED",
      message: expect.stringContaining("Invalid reference specified. No value for newOrder.id"),
    });
    expect(answer[2]?.body).toMatchObject({ Name: expect.any(String) });
  });

  it("refuses more than 25 subrequests, duplicate reference ids and inherited headers before running any", async () => {
    const accountId = await demoAccountId();
    const many = Array.from({ length: 26 }, (_, index) => ({
      method: "GET",
      url: `${V}/sobjects/Account/${accountId}`,
      referenceId: `read${index}`,
    }));
    const tooMany = await composite({ compositeRequest: many });
    expect(tooMany.status).toBe(400);
    expect(raw.restErrorListSchema.parse(tooMany.body)[0]?.errorCode).toBe("INVALID_INPUT");

    const duplicate = await composite({ compositeRequest: [many[0], many[0]] });
    expect(duplicate.status).toBe(400);

    const header = await composite({
      compositeRequest: [{ ...many[0], httpHeaders: { Authorization: "Bearer x" } }],
    });
    expect(header.status).toBe(400);

    const sixQueries = Array.from({ length: 6 }, (_, index) => ({
      method: "GET",
      url: soql("SELECT Id FROM Account"),
      referenceId: `q${index}`,
    }));
    expect((await composite({ compositeRequest: sixQueries })).status).toBe(400);
  });

  it("writes OrderHistory rows for creation and for Status / Activation_Status__c changes", async () => {
    const accountId = await demoAccountId();
    const created = await session.request(`${V}/sobjects/Order`, {
      method: "POST",
      body: orderBody(accountId),
    });
    const id = (created.body as { id: string }).id;
    await session.request(`${V}/sobjects/Order/${id}`, {
      method: "PATCH",
      body: { Status: "Approved", Type: "SIM" },
    });
    await session.request(`${V}/sobjects/Order/${id}`, {
      method: "PATCH",
      body: { Activation_Status__c: "Activating" },
    });

    const answer = (
      await session.get(
        soql(
          `SELECT Id, (SELECT Field, OldValue, NewValue FROM Histories ORDER BY CreatedDate) FROM Order WHERE Id = '${id}'`,
        ),
      )
    ).body as { records: { Histories: { records: Record<string, unknown>[] } }[] };
    expect(
      answer.records[0]?.Histories.records.map((row) => [row.Field, row.OldValue, row.NewValue]),
    ).toEqual([
      ["created", null, null],
      ["Status", "Pending Review", "Approved"],
      ["Activation_Status__c", "Not Started", "Activating"],
    ]);
  });
});

describe("faults", () => {
  it("answers an injected request-limit fault on /composite without running a subrequest", async () => {
    const accountId = await demoAccountId();
    const before = await orderCount();
    const installed = await fetch(`${sandbox.url}/__control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        system: "salesforce",
        match: "/composite",
        kind: "sf-request-limit",
        times: 1,
      }),
    });
    expect(installed.status).toBe(201);

    const { status, body } = await composite({
      allOrNone: true,
      compositeRequest: [
        {
          method: "POST",
          url: `${V}/sobjects/Order`,
          referenceId: "newOrder",
          body: orderBody(accountId),
        },
      ],
    });

    expect(status).toBe(403);
    expect(raw.restErrorListSchema.parse(body)[0]?.errorCode).toBe("REQUEST_LIMIT_EXCEEDED");
    expect(await orderCount()).toBe(before);
  });
});

describe("POST /composite/tree/Order", () => {
  it("creates Orders with nested OrderItems and answers referenceId → id", async () => {
    const accountId = await demoAccountId();
    const { status, body } = await session.request(`${V}/composite/tree/Order`, {
      method: "POST",
      body: {
        records: [
          {
            attributes: { type: "Order", referenceId: "ord1" },
            ...orderBody(accountId),
            OrderItems: {
              records: [
                {
                  attributes: { type: "OrderItem", referenceId: "ord1item1" },
                  PricebookEntryId: PBE,
                  Quantity: 2,
                  UnitPrice: 500,
                },
              ],
            },
          },
        ],
      },
    });

    expect(status).toBe(201);
    const answer = raw.treeResponseSchema.parse(body);
    expect(answer.hasErrors).toBe(false);
    expect(answer.results.map((result) => result.referenceId)).toEqual(["ord1", "ord1item1"]);
    const item = (await session.get(`${V}/sobjects/OrderItem/${answer.results[1]?.id}`)).body as {
      OrderId: string;
      TotalPrice: number;
    };
    expect(item).toMatchObject({ OrderId: answer.results[0]?.id, TotalPrice: 1000 });
  });

  it("creates nothing when one record fails, naming only that record", async () => {
    const accountId = await demoAccountId();
    const before = await orderCount();
    const { status, body } = await session.request(`${V}/composite/tree/Order`, {
      method: "POST",
      body: {
        records: [
          {
            attributes: { type: "Order", referenceId: "ord1" },
            ...orderBody(accountId),
            OrderItems: {
              records: [{ attributes: { type: "OrderItem", referenceId: "bad" }, Quantity: 1 }],
            },
          },
        ],
      },
    });

    expect(status).toBe(400);
    expect(raw.treeResponseSchema.parse(body)).toEqual({
      hasErrors: true,
      results: [
        {
          referenceId: "bad",
          errors: [
            {
              statusCode: "REQUIRED_FIELD_MISSING",
              message: expect.stringContaining("PricebookEntryId"),
              fields: ["PricebookEntryId", "UnitPrice"],
            },
          ],
        },
      ],
    });
    expect(await orderCount()).toBe(before);
  });

  it("refuses more than 200 records and a root of another type", async () => {
    const accountId = await demoAccountId();
    const records = Array.from({ length: 201 }, (_, index) => ({
      attributes: { type: "Order", referenceId: `o${index}` },
      ...orderBody(accountId),
    }));
    const tooMany = await session.request(`${V}/composite/tree/Order`, {
      method: "POST",
      body: { records },
    });
    expect(tooMany.status).toBe(400);
    const wrongType = await session.request(`${V}/composite/tree/Order`, {
      method: "POST",
      body: { records: [{ attributes: { type: "Account", referenceId: "a1" }, Name: "X" }] },
    });
    expect(wrongType.status).toBe(400);
  });
});
