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
const soql = (text: string, resource = "query") => `${V}/${resource}?q=${encodeURIComponent(text)}`;

interface QueryAnswer {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

/**
 * The case-safe checksum of an 18-character id, computed here independently of the sandbox:
 * for each 5-character chunk of the first 15, a bit per upper-case letter, as A–Z0–5.
 */
function checksum(id15: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  let suffix = "";
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      if (/[A-Z]/.test(id15.charAt(chunk * 5 + i))) bits += 2 ** i;
    }
    suffix += alphabet.charAt(bits);
  }
  return suffix;
}

async function createContacts(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const created = await session.request(`${V}/sobjects/Contact`, {
      method: "POST",
      body: { LastName: `Batch ${String(n).padStart(3, "0")}` },
    });
    ids.push((created.body as { id: string }).id);
  }
  return ids;
}

describe("query batches", () => {
  it("answers in batches with nextRecordsUrl and the query locator resource", async () => {
    // With the seed's 5 Contacts, 250 in all.
    await createContacts(245);
    const options = { "Sforce-Query-Options": "batchSize=200" };
    const first = (await session.get(soql("SELECT Id FROM Contact"), options)).body as QueryAnswer;
    expect(first).toMatchObject({ totalSize: 250, done: false });
    expect(first.records).toHaveLength(200);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g\w{15}-200$/);
    const second = (await session.get(first.nextRecordsUrl ?? "")).body as QueryAnswer;
    expect(second).toMatchObject({ totalSize: 250, done: true });
    expect(second.records).toHaveLength(50);
    expect(second).not.toHaveProperty("nextRecordsUrl");
    const ids = new Set([...first.records, ...second.records].map((record) => record.Id));
    expect(ids.size).toBe(250);

    // Without the header the default batch (2,000) holds everything.
    const whole = (await session.get(soql("SELECT Id FROM Contact"))).body as QueryAnswer;
    expect(whole).toMatchObject({ totalSize: 250, done: true });
    expect(whole.records).toHaveLength(250);

    // With OFFSET there is no cursor: the first batch only (SOQL reference, "OFFSET").
    const offset = (
      await session.get(soql("SELECT Id FROM Contact ORDER BY LastName OFFSET 10"), options)
    ).body as QueryAnswer;
    expect(offset).toMatchObject({ done: true });
    expect(offset.records).toHaveLength(200);
    expect(offset).not.toHaveProperty("nextRecordsUrl");
  });

  it("refuses an unknown query locator", async () => {
    const answer = await session.get(`${V}/query/01g000000000000AAA-2000`);
    expect(answer).toMatchObject({
      status: 400,
      body: [{ errorCode: "INVALID_QUERY_LOCATOR", message: "invalid query locator" }],
    });
  });
});

describe("DELETE and queryAll", () => {
  it("deletes a record: gone from query and GET, still in queryAll with IsDeleted", async () => {
    const [id] = await createContacts(1);
    const path = `${V}/sobjects/Contact/${id}`;
    expect((await session.request(path, { method: "DELETE" })).status).toBe(204);
    expect(await session.get(path)).toMatchObject({
      status: 404,
      body: [{ errorCode: "ENTITY_IS_DELETED", message: "entity is deleted" }],
    });
    expect((await session.request(path, { method: "DELETE" })).body).toEqual([
      { errorCode: "ENTITY_IS_DELETED", message: "entity is deleted" },
    ]);
    const where = `SELECT Id, IsDeleted FROM Contact WHERE Id = '${id}'`;
    expect(((await session.get(soql(where))).body as QueryAnswer).totalSize).toBe(0);
    expect((await session.get(soql(where, "queryAll"))).body).toMatchObject({
      totalSize: 1,
      records: [{ Id: id, IsDeleted: true }],
    });
  });

  it("answers 404 NOT_FOUND for deleting an unknown id", async () => {
    expect(
      await session.request(`${V}/sobjects/Account/001000000000009AAA`, { method: "DELETE" }),
    ).toMatchObject({ status: 404, body: [{ errorCode: "NOT_FOUND" }] });
  });
});

describe("describe", () => {
  it("lists the sObjects (describeGlobal) with their URLs", async () => {
    const { status, body } = await session.get(`${V}/sobjects`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      encoding: "UTF-8",
      maxBatchSize: 200,
      sobjects: expect.arrayContaining([
        expect.objectContaining({
          name: "Account",
          keyPrefix: "001",
          queryable: true,
          urls: expect.objectContaining({ describe: `${V}/sobjects/Account/describe` }),
        }),
        expect.objectContaining({ name: "Contact", keyPrefix: "003" }),
      ]),
    });
  });

  it("gives basic information and the full describe of a type", async () => {
    expect((await session.get(`${V}/sobjects/Account`)).body).toMatchObject({
      objectDescribe: { name: "Account", label: "Account", labelPlural: "Accounts" },
      recentItems: [],
    });
    const describe = (await session.get(`${V}/sobjects/Contact/describe`)).body as {
      fields: Record<string, unknown>[];
    };
    expect(describe.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Id", type: "id", createable: false }),
        expect.objectContaining({
          name: "AccountId",
          type: "reference",
          referenceTo: ["Account"],
          relationshipName: "Account",
        }),
        expect.objectContaining({ name: "LastName", type: "string", nillable: false }),
        expect.objectContaining({ name: "Name", calculated: true, createable: false }),
      ]),
    );
    expect((await session.get(`${V}/sobjects/Account/describe`)).body).toMatchObject({
      childRelationships: [
        { childSObject: "Contact", field: "AccountId", relationshipName: "Contacts" },
        { childSObject: "Case", field: "AccountId", relationshipName: "Cases" },
        { childSObject: "Order", field: "AccountId", relationshipName: "Orders" },
      ],
    });
    expect((await session.get(`${V}/sobjects/Widget__c/describe`)).status).toBe(404);
  });
});

describe("record ids", () => {
  it("are 18 characters with a valid case-safe checksum, seeded and created alike", async () => {
    await createContacts(3);
    const answer = (await session.get(soql("SELECT Id, AccountId FROM Contact")))
      .body as QueryAnswer;
    const ids = answer.records.flatMap((record) => [record.Id, record.AccountId]);
    for (const id of ids.filter((value): value is string => typeof value === "string")) {
      expect(id).toMatch(/^[a-zA-Z0-9]{18}$/);
      expect(id.slice(15)).toBe(checksum(id.slice(0, 15)));
    }
  });
});

describe("identity URL", () => {
  it("answers the token response's id URL with the user and org, given the access token", async () => {
    const id = session.token.id ?? "";
    const answer = await fetch(id, {
      headers: { authorization: `Bearer ${session.token.access_token ?? ""}` },
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id,
      user_id: id.split("/").at(-1),
      organization_id: id.split("/").at(-2),
      username: secrets.sfUsername,
      urls: { rest: `${session.instanceUrl}/services/data/v{version}/` },
    });
    expect((await fetch(id)).status).toBe(403);
  });
});

describe("limit info header", () => {
  it("reports API usage on every REST answer, errors included", async () => {
    const ok = await session.request(`${V}/limits`);
    expect(ok.headers.get("sforce-limit-info")).toMatch(/^api-usage=\d+\/100000$/);
    const missing = await session.request(`${V}/sobjects/Account/001000000000009AAA`);
    expect(missing.headers.get("sforce-limit-info")).toMatch(/^api-usage=\d+\/100000$/);
  });
});

describe("SOQL over the wire", () => {
  it("refuses a number compared with a text field as INVALID_FIELD", async () => {
    const answer = await session.get(
      soql("SELECT Id FROM Account WHERE SF_Account_No__c = 100001"),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([
      expect.objectContaining({
        errorCode: "INVALID_FIELD",
        message: expect.stringContaining("must be of type string and should be enclosed in quotes"),
      }),
    ]);
  });

  it("answers COUNT() and GROUP BY aggregates", async () => {
    expect((await session.get(soql("SELECT COUNT() FROM Account"))).body).toEqual({
      totalSize: 5,
      done: true,
      records: [],
    });
    const grouped = (
      await session.get(
        soql(
          "SELECT Portal_Status__c, COUNT(Id) FROM Account GROUP BY Portal_Status__c ORDER BY Portal_Status__c",
        ),
      )
    ).body;
    expect(grouped).toEqual({
      totalSize: 2,
      done: true,
      records: [
        { attributes: { type: "AggregateResult" }, Portal_Status__c: "Active", expr0: 1 },
        { attributes: { type: "AggregateResult" }, Portal_Status__c: "Not Yet", expr0: 4 },
      ],
    });
  });

  it("evaluates HAVING, semi-joins and date literals on the sandbox clock", async () => {
    const created = await session.request(`${V}/sobjects/Contact`, {
      method: "POST",
      body: { LastName: "Today" },
    });
    expect(created.status).toBe(201);
    expect(
      (await session.get(soql("SELECT LastName FROM Contact WHERE CreatedDate = TODAY"))).body,
    ).toMatchObject({ totalSize: 1, records: [{ LastName: "Today" }] });
    expect(
      (
        await session.get(
          soql(
            "SELECT SF_Account_No__c FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Email LIKE 'hanako%') AND CreatedDate < TOMORROW",
          ),
        )
      ).body,
    ).toMatchObject({ totalSize: 1, records: [{ SF_Account_No__c: "100002" }] });
    expect(
      (
        await session.get(
          soql(
            "SELECT Portal_Status__c, COUNT(Id) n FROM Account GROUP BY Portal_Status__c HAVING COUNT(Id) > 1",
          ),
        )
      ).body,
    ).toEqual({
      totalSize: 1,
      done: true,
      records: [{ attributes: { type: "AggregateResult" }, Portal_Status__c: "Not Yet", n: 4 }],
    });
    const orSemiJoin = await session.get(
      soql("SELECT Id FROM Account WHERE Name = 'x' OR Id IN (SELECT AccountId FROM Contact)"),
    );
    expect(orSemiJoin).toMatchObject({
      status: 400,
      body: [
        {
          errorCode: "MALFORMED_QUERY",
          message: expect.stringContaining(
            "Semi join sub-selects are not allowed with the 'OR' operator",
          ),
        },
      ],
    });
  });

  it("nests child records of a parent-to-child sub-query", async () => {
    const answer = (
      await session.get(
        soql(
          "SELECT SF_Account_No__c, (SELECT LastName, Email FROM Contacts) FROM Account WHERE SF_Account_No__c = '100002'",
        ),
      )
    ).body;
    expect(answer).toMatchObject({
      totalSize: 1,
      records: [
        {
          SF_Account_No__c: "100002",
          Contacts: {
            totalSize: 1,
            done: true,
            records: [
              {
                attributes: { type: "Contact" },
                LastName: "Suzuki",
                Email: "hanako.suzuki@example.com",
              },
            ],
          },
        },
      ],
    });
  });
});
