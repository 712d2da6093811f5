import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type UpstreamCallRecord } from "@portal/integration-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  loadPrivateKey,
  SalesforceClient,
  SalesforceError,
  type SalesforceClientConfig,
} from "../src/index.js";
import { SalesforceCore } from "../src/core/salesforce-core.js";
import { FakeSalesforce, sfRecord } from "./fake-salesforce.js";

const ACCOUNT_ID = "001DEMO00000001AAA";
const CONTACT_ID = "003DEMO00000001AAA";
const ACCOUNT_SOQL =
  "SELECT Id, Name, SF_Account_No__c, Portal_Status__c, WH_Account__c, Portal_Registration_Source__c " +
  "FROM Account WHERE SF_Account_No__c = '100001' LIMIT 2";
const CONTACT_SOQL =
  "SELECT Id, AccountId, FirstName, LastName, LastNameKana__c, FirstNameKana__c, Email, Phone FROM Contact " +
  `WHERE AccountId = '${ACCOUNT_ID}' ORDER BY CreatedDate ASC LIMIT 1`;

const taroAccount = () =>
  sfRecord("Account", {
    Id: ACCOUNT_ID,
    Name: "Taro Yamada",
    SF_Account_No__c: "100001",
    Portal_Status__c: "Active",
    WH_Account__c: "1",
    Portal_Registration_Source__c: "Portal Signup",
  });

let fake: FakeSalesforce;

beforeEach(async () => {
  fake = await FakeSalesforce.start();
  fake.accounts.set(ACCOUNT_ID, taroAccount());
  fake.queries.set(ACCOUNT_SOQL, [taroAccount()]);
});

afterEach(async () => {
  await fake.close();
});

function client(overrides: Partial<SalesforceClientConfig> = {}): SalesforceClient {
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
    readRetries: 2,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<SalesforceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SalesforceError);
  return error as SalesforceError;
}

describe("JWT bearer sign-in", () => {
  it.each(["pkcs8", "pkcs1"] as const)(
    "signs an RS256 assertion with the right claims (%s key)",
    async (format) => {
      const before = Math.floor(Date.now() / 1000);
      await client({ privateKeyPem: fake.privateKeyPem(format) }).system.ping();
      const after = Math.floor(Date.now() / 1000);

      expect(fake.assertions).toHaveLength(1);
      const [{ header, payload, grantType }] = fake.assertions as [
        (typeof fake.assertions)[number],
      ];
      expect(grantType).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
      expect(header.alg).toBe("RS256");
      expect(payload).toMatchObject({
        iss: fake.clientId,
        sub: fake.username,
        aud: "https://login.salesforce.com",
      });
      expect(payload.exp).toBeGreaterThanOrEqual(before + 180);
      expect(payload.exp).toBeLessThanOrEqual(after + 180);
      expect(fake.requests[0]?.authorization).toBe("Bearer 00DFAKE!token-1");
    },
  );

  it("signs the configured audience, not the login URL (sandbox orgs: test.salesforce.com)", async () => {
    await client({
      loginUrl: `${fake.url}/`,
      audience: "https://test.salesforce.com",
    }).system.ping();
    expect(fake.assertions[0]?.payload.aud).toBe("https://test.salesforce.com");
  });

  it("is refused when the audience is the org's own URL", async () => {
    const error = await failure(client({ audience: fake.url }).system.ping());
    expect(error).toMatchObject({ kind: "auth", operation: "signIn", vendorCode: "invalid_grant" });
  });

  it("signs in lazily, once for concurrent first calls", async () => {
    const sf = client();
    expect(fake.assertions).toHaveLength(0);
    await Promise.all([
      sf.system.ping(),
      sf.accounts.get(ACCOUNT_ID),
      sf.accounts.findByCustomerNumber("100001"),
    ]);
    expect(fake.assertions).toHaveLength(1);
    expect(fake.requests).toHaveLength(3);
  });

  it("reports a refused assertion as auth with the OAuth error code", async () => {
    const error = await failure(client({ clientId: "someone-else" }).system.ping());
    expect(error).toMatchObject({ kind: "auth", vendorCode: "invalid_grant", httpStatus: 400 });
    expect(fake.requests).toHaveLength(0);
  });

  it("reports a token endpoint outage as unavailable", async () => {
    fake.fault("/oauth2/token", { status: 503, text: "<html>down</html>" });
    const error = await failure(client({ readRetries: 0 }).system.ping());
    expect(error).toMatchObject({ kind: "unavailable", httpStatus: 503 });
  });

  it("refuses a key that is not an RSA private key", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const ecPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => client({ privateKeyPem: ecPem })).toThrow(SalesforceError);
    expect(() => client({ privateKeyPem: "not a pem" })).toThrow(/not a readable/);
  });
});

describe("session renewal on INVALID_SESSION_ID", () => {
  it("signs in once more and repeats the call once", async () => {
    const sf = client();
    await sf.system.ping();
    fake.expireSessions();

    await expect(sf.accounts.findByCustomerNumber("100001")).resolves.toMatchObject({
      id: ACCOUNT_ID,
    });
    expect(fake.assertions).toHaveLength(2);
    expect(fake.count("GET", "/query")).toBe(2);
    expect(fake.requests.at(-1)?.authorization).toBe("Bearer 00DFAKE!token-2");
  });

  it("shares one re-sign-in between concurrent calls on the expired session", async () => {
    const sf = client();
    await sf.system.ping();
    fake.expireSessions();
    fake.queries.set(CONTACT_SOQL, []);
    await Promise.all([
      sf.system.ping(),
      sf.accounts.get(ACCOUNT_ID),
      sf.contacts.findPrimary(ACCOUNT_ID),
    ]);
    expect(fake.assertions).toHaveLength(2);
    expect(fake.requests).toHaveLength(7);
  });

  it("gives up as auth when the fresh session is refused too", async () => {
    fake.fault("/query", {
      status: 401,
      json: [{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }],
    });
    const error = await failure(client().accounts.findByCustomerNumber("100001"));
    expect(error).toMatchObject({
      kind: "auth",
      vendorCode: "INVALID_SESSION_ID",
      httpStatus: 401,
    });
    expect(fake.assertions).toHaveLength(2);
    expect(fake.count("GET", "/query")).toBe(2);
  });

  it("repeats a write once after re-signing in", async () => {
    const sf = client();
    await sf.system.ping();
    fake.expireSessions();
    await sf.accounts.linkPortal(ACCOUNT_ID, {
      billingClientId: 7,
      registrationSource: "Portal Signup",
    });
    expect(fake.count("PATCH", "/sobjects/Account")).toBe(2);
    expect(fake.accounts.get(ACCOUNT_ID)?.WH_Account__c).toBe("7");
  });
});

describe("findAccountByCustomerNumber", () => {
  it("sends the builder's SOQL and maps the record", async () => {
    await expect(client().accounts.findByCustomerNumber(" 100001 ")).resolves.toEqual({
      id: ACCOUNT_ID,
      customerNumber: "100001",
      name: "Taro Yamada",
      portalStatus: "active",
      billingClientId: 1,
      registrationSource: "Portal Signup",
    });
    expect(fake.requests.map((r) => r.q)).toEqual([ACCOUNT_SOQL]);
  });

  it("returns null when no Account has the number", async () => {
    fake.queries.set(ACCOUNT_SOQL.replace("100001", "100009"), []);
    await expect(client().accounts.findByCustomerNumber("100009")).resolves.toBeNull();
  });

  it.each(["100001' OR Name != '", "10000\\'1", "1000 01", "", "12345"])(
    "refuses %j before anything reaches SOQL",
    async (input) => {
      const error = await failure(client().accounts.findByCustomerNumber(input));
      expect(error.kind).toBe("rejected");
      expect(fake.requests).toHaveLength(0);
      expect(fake.assertions).toHaveLength(0);
    },
  );

  it("treats one number on two Accounts as malformed data", async () => {
    fake.queries.set(ACCOUNT_SOQL, [taroAccount(), { ...taroAccount(), Id: "001DEMO00000009AAA" }]);
    expect((await failure(client().accounts.findByCustomerNumber("100001"))).kind).toBe(
      "malformed",
    );
  });

  it.each([
    ["another host", "https://attacker.example/services/data/v62.0/query/01g0000000001AAAAA-1"],
    ["a path outside the query locator", "/services/oauth2/revoke"],
    ["nothing", undefined],
  ])(
    "does not follow a nextRecordsUrl to %s: the answer is malformed",
    async (_label, nextRecordsUrl) => {
      fake.fault(
        "/query",
        {
          status: 200,
          json: { totalSize: 3, done: false, nextRecordsUrl, records: [taroAccount()] },
        },
        1,
      );
      expect((await failure(client().accounts.findByCustomerNumber("100001"))).kind).toBe(
        "malformed",
      );
      expect(fake.requests).toHaveLength(1);
    },
  );
});

describe("findAccountByBillingClientId", () => {
  const BY_CLIENT_SOQL = ACCOUNT_SOQL.replace("SF_Account_No__c = '100001'", "WH_Account__c = '1'");

  it("sends the builder's SOQL on WH_Account__c and maps the record", async () => {
    fake.queries.set(BY_CLIENT_SOQL, [taroAccount()]);
    await expect(client().accounts.findByBillingClientId(1)).resolves.toMatchObject({
      id: ACCOUNT_ID,
      customerNumber: "100001",
      billingClientId: 1,
    });
    expect(fake.requests.map((r) => r.q)).toEqual([BY_CLIENT_SOQL]);
  });

  it("returns null when no Account names the client", async () => {
    fake.queries.set(BY_CLIENT_SOQL.replace("'1'", "'42'"), []);
    await expect(client().accounts.findByBillingClientId(42)).resolves.toBeNull();
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses %s before anything reaches SOQL", async (id) => {
    expect((await failure(client().accounts.findByBillingClientId(id))).kind).toBe("rejected");
    expect(fake.requests).toHaveLength(0);
  });

  it("treats one client on two Accounts as malformed data", async () => {
    fake.queries.set(BY_CLIENT_SOQL, [
      taroAccount(),
      { ...taroAccount(), Id: "001DEMO00000009AAA" },
    ]);
    expect((await failure(client().accounts.findByBillingClientId(1))).kind).toBe("malformed");
  });
});

describe("getAccount", () => {
  it("reads the Account with the portal's fields", async () => {
    fake.accounts.set(
      ACCOUNT_ID,
      sfRecord("Account", {
        Id: ACCOUNT_ID,
        Name: "Hanako Suzuki",
        SF_Account_No__c: "100002",
        Portal_Status__c: "Not Yet",
        WH_Account__c: null,
        Portal_Registration_Source__c: null,
      }),
    );
    await expect(client().accounts.get(ACCOUNT_ID)).resolves.toEqual({
      id: ACCOUNT_ID,
      customerNumber: "100002",
      name: "Hanako Suzuki",
      portalStatus: "not_yet",
      billingClientId: null,
      registrationSource: null,
    });
    expect(fake.requests[0]).toMatchObject({
      method: "GET",
      path: `/sobjects/Account/${ACCOUNT_ID}`,
      fields:
        "Id,Name,SF_Account_No__c,Portal_Status__c,WH_Account__c,Portal_Registration_Source__c",
    });
  });

  it("returns null for NOT_FOUND, without retrying", async () => {
    await expect(client().accounts.get("001DEMO00000404AAA")).resolves.toBeNull();
    expect(fake.requests).toHaveLength(1);
  });

  it.each(["001DEMO0000000001AAA", "001'OR'1", "../limits00000000", ""])(
    "refuses the Id %j",
    async (id) => {
      expect((await failure(client().accounts.get(id))).kind).toBe("rejected");
      expect(fake.requests).toHaveLength(0);
    },
  );
});

describe("findPrimaryContact", () => {
  it("sends the oldest-contact SOQL and maps the record", async () => {
    fake.queries.set(CONTACT_SOQL, [
      sfRecord("Contact", {
        Id: CONTACT_ID,
        AccountId: ACCOUNT_ID,
        FirstName: "Taro",
        LastName: "Yamada",
        LastNameKana__c: "ヤマダ",
        FirstNameKana__c: null,
        Email: "demo@example.com",
        Phone: null,
      }),
    ]);
    await expect(client().contacts.findPrimary(ACCOUNT_ID)).resolves.toEqual({
      id: CONTACT_ID,
      accountId: ACCOUNT_ID,
      firstName: "Taro",
      lastName: "Yamada",
      lastNameKana: "ヤマダ",
      firstNameKana: null,
      email: "demo@example.com",
      phone: null,
    });
    expect(fake.requests.map((r) => r.q)).toEqual([CONTACT_SOQL]);
  });

  it("returns null when the Account has no Contact", async () => {
    fake.queries.set(CONTACT_SOQL, []);
    await expect(client().contacts.findPrimary(ACCOUNT_ID)).resolves.toBeNull();
  });
});

describe("linkPortalAccount", () => {
  it("PATCHes the Account with the portal link fields", async () => {
    await client().accounts.linkPortal(ACCOUNT_ID, {
      billingClientId: 42,
      registrationSource: "Portal Signup",
    });
    const patch = fake.requests.find((r) => r.method === "PATCH");
    expect(patch?.path).toBe(`/sobjects/Account/${ACCOUNT_ID}`);
    expect(JSON.parse(patch?.body ?? "null")).toEqual({
      Portal_Status__c: "Active",
      WH_Account__c: "42",
      Portal_Registration_Source__c: "Portal Signup",
    });
  });

  it("does not retry a PATCH that got 503", async () => {
    fake.fault(
      "/sobjects/Account",
      { status: 503, json: [{ message: "down", errorCode: "SERVER_UNAVAILABLE" }] },
      1,
    );
    const error = await failure(
      client().accounts.linkPortal(ACCOUNT_ID, {
        billingClientId: 42,
        registrationSource: "Portal Signup",
      }),
    );
    expect(error).toMatchObject({
      kind: "unavailable",
      httpStatus: 503,
      vendorCode: "SERVER_UNAVAILABLE",
    });
    expect(fake.count("PATCH", "/sobjects/Account")).toBe(1);
  });

  it("reports a validation rule refusal as rejected", async () => {
    fake.fault("/sobjects/Account", {
      status: 400,
      json: [
        {
          message: "Bad",
          errorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
          fields: ["WH_Account__c"],
        },
      ],
    });
    const error = await failure(
      client().accounts.linkPortal(ACCOUNT_ID, {
        billingClientId: 42,
        registrationSource: "Portal Signup",
      }),
    );
    expect(error).toMatchObject({
      kind: "rejected",
      vendorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      vendorMessage: "Bad",
    });
  });

  it.each([
    { billingClientId: 0, registrationSource: "Portal Signup" },
    { billingClientId: 1.5, registrationSource: "Portal Signup" },
    { billingClientId: 1, registrationSource: " " },
  ])("refuses the link %j before any call", async (link) => {
    expect((await failure(client().accounts.linkPortal(ACCOUNT_ID, link))).kind).toBe("rejected");
    expect(fake.requests).toHaveLength(0);
  });
});

describe("reads under failure", () => {
  it("retries a read that got 503", async () => {
    fake.fault("/query", { status: 503, text: "Service Unavailable" }, 1);
    await expect(client().accounts.findByCustomerNumber("100001")).resolves.toMatchObject({
      id: ACCOUNT_ID,
    });
    expect(fake.count("GET", "/query")).toBe(2);
  });

  it("gives up after readRetries extra attempts as unavailable", async () => {
    fake.fault("/query", {
      status: 500,
      json: [{ message: "boom", errorCode: "UNKNOWN_EXCEPTION" }],
    });
    const error = await failure(client({ readRetries: 2 }).accounts.findByCustomerNumber("100001"));
    expect(error).toMatchObject({
      kind: "unavailable",
      httpStatus: 500,
      vendorCode: "UNKNOWN_EXCEPTION",
    });
    expect(fake.count("GET", "/query")).toBe(3);
  });

  it("fails fast on REQUEST_LIMIT_EXCEEDED", async () => {
    fake.fault("/query", {
      status: 403,
      json: [{ errorCode: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded." }],
    });
    const error = await failure(client().accounts.findByCustomerNumber("100001"));
    expect(error).toMatchObject({
      kind: "unavailable",
      vendorCode: "REQUEST_LIMIT_EXCEEDED",
      httpStatus: 403,
    });
    expect(fake.count("GET", "/query")).toBe(1);
  });

  it.each([
    ["a body that is not JSON", "{ not json"],
    ["JSON of the wrong shape", JSON.stringify({ totalSize: 1, done: true, records: "nope" })],
    [
      "a record without its customer number",
      JSON.stringify({
        totalSize: 1,
        done: true,
        records: [{ attributes: { type: "Account", url: "/x" }, Id: ACCOUNT_ID }],
      }),
    ],
  ])("reports %s as malformed, without retrying", async (_label, text) => {
    fake.fault("/query", { status: 200, text });
    expect((await failure(client().accounts.findByCustomerNumber("100001"))).kind).toBe(
      "malformed",
    );
    expect(fake.count("GET", "/query")).toBe(1);
  });

  it("times a hanging call out as unavailable", async () => {
    fake.fault("/query", { hang: true });
    const error = await failure(
      client({ timeoutMs: 300, readRetries: 0 }).accounts.findByCustomerNumber("100001"),
    );
    expect(error.kind).toBe("unavailable");
    expect(error.message).toMatch(/timed out/);
  });

  it("reports an unreachable org as unavailable", async () => {
    const sf = client({ readRetries: 0 });
    await fake.close();
    expect((await failure(sf.system.ping())).kind).toBe("unavailable");
    fake = await FakeSalesforce.start();
  });
});

describe("throttle lanes and observer", () => {
  it("reports every HTTP call to the observer once, the sign-in included", async () => {
    const records: UpstreamCallRecord[] = [];
    const observer = { callFinished: (record: UpstreamCallRecord) => records.push(record) };
    await client({ observer }).accounts.get(ACCOUNT_ID);
    expect(records.map(({ operation, outcome }) => `${operation} ${outcome}`)).toEqual([
      "signIn ok",
      "getAccount ok",
    ]);
    expect(records.every((record) => record.system === "salesforce")).toBe(true);
  });

  it("keeps long-running calls in their own lane, so a slow one does not hold up reads", async () => {
    fake.fault("/limits", { hang: true });
    const core = new SalesforceCore({
      loginUrl: fake.url,
      audience: "https://login.salesforce.com",
      clientId: fake.clientId,
      username: fake.username,
      privateKeyPem: fake.privateKeyPem(),
      apiVersion: "62.0",
      timeoutMs: 2000,
      concurrency: 1,
      ratePerSecond: 100,
      readRetries: 0,
      longRunning: { concurrency: 1, timeoutMs: 300 },
    });
    const slow = core
      .call("slowReport", (conn) => conn.limits(), { access: "write", lane: "longRunning" })
      .catch((error: unknown) => error);
    await expect(
      core.call("getAccount", (conn) => conn.sobject("Account").retrieve(ACCOUNT_ID), {
        access: "read",
      }),
    ).resolves.toMatchObject({ Id: ACCOUNT_ID });
    expect(await slow).toMatchObject({ kind: "unavailable", operation: "slowReport" });
  });
});

describe("ping", () => {
  it("reads the org limits", async () => {
    await client().system.ping();
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /limits"]);
  });

  it("rejects a limits body without DailyApiRequests as malformed", async () => {
    fake.limits = { DataStorageMB: { Max: 5, Remaining: 5 } };
    expect((await failure(client().system.ping())).kind).toBe("malformed");
  });
});

describe("loadPrivateKey", () => {
  it("reads the PEM file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sf-key-"));
    try {
      await writeFile(join(dir, "sf-jwt.key"), fake.privateKeyPem());
      await expect(loadPrivateKey(join(dir, "sf-jwt.key"))).resolves.toBe(fake.privateKeyPem());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("accounts.contractPhones", () => {
  const ACCOUNT_PHONE_SOQL = "SELECT Phone FROM Account WHERE SF_Account_No__c = '100002' LIMIT 2";
  const CONTACT_PHONE_SOQL =
    "SELECT Phone FROM Contact WHERE Account.SF_Account_No__c = '100002' LIMIT 50";

  it("lists the Account's and its Contacts' phones, leaving out empty ones", async () => {
    fake.queries.set(ACCOUNT_PHONE_SOQL, [
      sfRecord("Account", { Id: "001DEMO00000002AAA", Phone: "080-3456-7890" }),
    ]);
    fake.queries.set(CONTACT_PHONE_SOQL, [
      sfRecord("Contact", { Id: "003DEMO00000002AAA", Phone: null }),
      sfRecord("Contact", { Id: "003DEMO00000005AAA", Phone: "+81 90 1111 2222" }),
    ]);

    await expect(client().accounts.contractPhones("１００００２")).resolves.toEqual([
      "080-3456-7890",
      "+81 90 1111 2222",
    ]);
  });

  it("asks the same two questions for a number no Account has, and answers an empty list", async () => {
    fake.queries.set(ACCOUNT_PHONE_SOQL, []);
    fake.queries.set(CONTACT_PHONE_SOQL, []);

    await expect(client().accounts.contractPhones("100002")).resolves.toEqual([]);
    expect(fake.requests.map((request) => request.q).sort()).toEqual(
      [ACCOUNT_PHONE_SOQL, CONTACT_PHONE_SOQL].sort(),
    );
  });

  it("refuses what is not a customer number before any call", async () => {
    const error = await failure(client().accounts.contractPhones("12' OR Name != '"));
    expect(error.kind).toBe("rejected");
    expect(fake.requests).toHaveLength(0);
  });
});
