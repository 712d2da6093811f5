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
});

const V = "/services/data/v62.0";
const soql = (text: string) => `${V}/query?q=${encodeURIComponent(text)}`;
/** Seeded Account 100002 (Hanako Suzuki, `Not Requested`) and its Contact. */
const HANAKO_ACCOUNT = "001DEMO00000002YDA";
const HANAKO_CONTACT = "003DEMO00000002YDA";

async function createCase(body: Record<string, unknown>): Promise<string> {
  const created = await session.request(`${V}/sobjects/Case`, { method: "POST", body });
  expect(created.status).toBe(201);
  return (created.body as { id: string }).id;
}

async function changes(): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${sandbox.url}/__control/salesforce/changes`);
  return ((await response.json()) as { events: Record<string, unknown>[] }).events;
}

describe("Case", () => {
  it("is created with the next CaseNumber, Status New and Priority Medium by default, and logged", async () => {
    const first = await createCase({
      Subject: "インターネット提供可否確認",
      Description: "確認する住所: 〒220-0012 神奈川県横浜市西区みなとみらい3-1-1",
      Origin: "Portal Website",
      Type: "Internet Eligibility",
      AccountId: HANAKO_ACCOUNT,
      ContactId: HANAKO_CONTACT,
    });
    const second = await createCase({ Subject: "Second", Origin: "Web" });

    expect(first.startsWith("500")).toBe(true);
    const answer = await session.get(
      soql(
        `SELECT Id, CaseNumber, Status, Priority, Origin, Type, AccountId, ContactId, IsClosed, CreatedDate FROM Case WHERE AccountId = '${HANAKO_ACCOUNT}'`,
      ),
    );
    expect(answer.body).toMatchObject({
      totalSize: 1,
      records: [
        {
          Id: first,
          CaseNumber: "00001001",
          Status: "New",
          Priority: "Medium",
          Origin: "Portal Website",
          Type: "Internet Eligibility",
          AccountId: HANAKO_ACCOUNT,
          ContactId: HANAKO_CONTACT,
          IsClosed: false,
          CreatedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/),
        },
      ],
    });
    expect((await session.get(`${V}/sobjects/Case/${second}`)).body).toMatchObject({
      CaseNumber: "00001002",
    });
    expect(await changes()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityName: "Case",
          changeType: "CREATE",
          recordIds: [first],
          fields: expect.objectContaining({ CaseNumber: "00001001", Origin: "Portal Website" }),
        }),
      ]),
    );
  });

  it("never reuses the CaseNumber of a deleted Case and refuses to set one", async () => {
    const first = await createCase({ Subject: "First" });
    expect(
      (await session.request(`${V}/sobjects/Case/${first}`, { method: "DELETE" })).status,
    ).toBe(204);
    const second = await createCase({ Subject: "Second" });
    expect((await session.get(`${V}/sobjects/Case/${second}`)).body).toMatchObject({
      CaseNumber: "00001002",
    });
    expect(
      await session.request(`${V}/sobjects/Case`, {
        method: "POST",
        body: { Subject: "Mine", CaseNumber: "42" },
      }),
    ).toMatchObject({ status: 400, body: [{ errorCode: "INVALID_FIELD_FOR_INSERT_UPDATE" }] });
  });

  it("refuses an Origin outside the picklist and an Account that does not exist", async () => {
    expect(
      await session.request(`${V}/sobjects/Case`, {
        method: "POST",
        body: { Subject: "x", Origin: "Carrier pigeon" },
      }),
    ).toMatchObject({
      status: 400,
      body: [{ errorCode: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", fields: ["Origin"] }],
    });
    expect(
      await session.request(`${V}/sobjects/Case`, {
        method: "POST",
        body: { Subject: "x", AccountId: "001000000000009AAA" },
      }),
    ).toMatchObject({ status: 400, body: [{ errorCode: "INVALID_CROSS_REFERENCE_KEY" }] });
  });

  it("is described with its auto-number, defaults and picklists, and as a child of Account", async () => {
    const describe = (await session.get(`${V}/sobjects/Case/describe`)).body as {
      keyPrefix: string;
      fields: Record<string, unknown>[];
    };
    expect(describe.keyPrefix).toBe("500");
    expect(describe.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "CaseNumber", autoNumber: true, createable: false }),
        expect.objectContaining({
          name: "Status",
          defaultedOnCreate: true,
          picklistValues: expect.arrayContaining([
            expect.objectContaining({ value: "New", defaultValue: true }),
          ]),
        }),
        expect.objectContaining({
          name: "Origin",
          picklistValues: expect.arrayContaining([
            expect.objectContaining({ value: "Portal Website" }),
          ]),
        }),
      ]),
    );
  });
});

describe("internet eligibility on the Account", () => {
  const account = `${V}/sobjects/Account/${HANAKO_ACCOUNT}`;
  const fields = "?fields=Internet_Eligibility__c,Internet_Eligibility_Status__c";

  it("is set by a REST PATCH, offering types and statuses from their restricted picklists", async () => {
    const patch = (body: Record<string, unknown>) =>
      session.request(account, { method: "PATCH", body });

    expect((await patch({ Internet_Eligibility_Status__c: "Pending" })).status).toBe(204);
    expect(
      (
        await patch({
          Internet_Eligibility_Status__c: "Eligible",
          Internet_Eligibility__c: "Home 10G",
        })
      ).status,
    ).toBe(204);
    expect((await session.get(`${account}${fields}`)).body).toMatchObject({
      Internet_Eligibility__c: "Home 10G",
      Internet_Eligibility_Status__c: "Eligible",
    });
    expect(await patch({ Internet_Eligibility__c: "Home 100G" })).toMatchObject({
      status: 400,
      body: [
        {
          errorCode: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          fields: ["Internet_Eligibility__c"],
        },
      ],
    });
  });

  it("is decided by staff through the console's control route, logged as an update", async () => {
    const decide = (body: unknown) =>
      fetch(`${sandbox.url}/__control/salesforce/accounts/${HANAKO_ACCOUNT}/eligibility`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    expect((await decide({ status: "Eligible" })).status).toBe(400);
    expect((await decide({ status: "Eligible", offeringType: "Mansion 1G" })).status).toBe(204);
    expect((await session.get(`${account}${fields}`)).body).toMatchObject({
      Internet_Eligibility__c: "Mansion 1G",
      Internet_Eligibility_Status__c: "Eligible",
    });
    expect((await decide({ status: "Ineligible", offeringType: "Mansion 1G" })).status).toBe(204);
    expect((await session.get(`${account}${fields}`)).body).toMatchObject({
      Internet_Eligibility__c: null,
      Internet_Eligibility_Status__c: "Ineligible",
    });
    expect(await changes()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityName: "Account",
          changeType: "UPDATE",
          changedFields: expect.arrayContaining(["Internet_Eligibility_Status__c"]),
        }),
      ]),
    );
    const unknown = await fetch(
      `${sandbox.url}/__control/salesforce/accounts/001000000000009AAA/eligibility`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status: "Ineligible" }),
      },
    );
    expect(unknown.status).toBe(404);
  });

  it("shows a pending Account in the console with the staff buttons", async () => {
    await session.request(account, {
      method: "PATCH",
      body: { Internet_Eligibility_Status__c: "Pending" },
    });
    const page = await (await fetch(`${sandbox.url}/`)).text();
    expect(page).toContain(
      `data-call="/__control/salesforce/accounts/${HANAKO_ACCOUNT}/eligibility"`,
    );
    expect(page).toMatch(/Mark eligible/);
    expect(page).toMatch(/Mark ineligible/);
    expect(page).toContain('<option value="Home 10G">');
  });
});
