import { generateKeyPair, importPKCS8, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../src/index.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  TEST_NOW,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let sandbox: Sandbox;
let privateKey: CryptoKey;
let now: Date = TEST_NOW;

beforeAll(async () => {
  secrets = await createTestSecrets();
  privateKey = await importPKCS8(secrets.privateKeyPem, "RS256");
  sandbox = await startTestSandbox(secrets, { now: () => now });
});
afterAll(async () => {
  await sandbox.close();
  await removeTestSecrets(secrets);
});
beforeEach(async () => {
  now = TEST_NOW;
  await sandbox.reset();
});

interface AssertionClaims {
  iss?: string;
  sub?: string;
  aud?: string;
  /** Seconds from TEST_NOW until `exp`. */
  expiresIn?: number;
  key?: CryptoKey;
}

function assertion(claims: AssertionClaims = {}): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(claims.iss ?? secrets.sfClientId)
    .setSubject(claims.sub ?? secrets.sfUsername)
    .setAudience(claims.aud ?? `${sandbox.url}/salesforce`)
    .setExpirationTime(Math.floor(TEST_NOW.getTime() / 1000) + (claims.expiresIn ?? 180))
    .sign(claims.key ?? privateKey);
}

async function requestToken(
  jwt: string,
  grantType = "urn:ietf:params:oauth:grant-type:jwt-bearer",
): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${sandbox.url}/salesforce/services/oauth2/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: grantType, assertion: jwt }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function accessToken(): Promise<string> {
  const { body } = await requestToken(await assertion());
  return body.access_token ?? "";
}

async function rest(
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const token = init.token ?? (await accessToken());
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const response = await fetch(`${sandbox.url}/salesforce${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}

describe("OAuth 2.0 JWT bearer token endpoint", () => {
  it("accepts a valid assertion and returns a bearer token for the sandbox instance", async () => {
    const { status, body } = await requestToken(await assertion());
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: "Bearer",
      scope: "api",
      instance_url: `${sandbox.url}/salesforce`,
    });
    expect(body.access_token).toMatch(/^00D\w{15}!/);
    expect(body.id).toMatch(new RegExp(`^${sandbox.url}/salesforce/id/00D\\w{15}/005\\w{15}$`));
    expect(body.issued_at).toBe(String(TEST_NOW.getTime()));
  });

  it("accepts the standard login.salesforce.com audience", async () => {
    expect(
      (await requestToken(await assertion({ aud: "https://login.salesforce.com" }))).status,
    ).toBe(200);
  });

  it("rejects an assertion signed with another key", async () => {
    const other = await generateKeyPair("RS256");
    expect(await requestToken(await assertion({ key: other.privateKey }))).toEqual({
      status: 400,
      body: { error: "invalid_grant", error_description: "invalid assertion" },
    });
  });

  it("rejects an expired assertion", async () => {
    const result = await requestToken(await assertion({ expiresIn: -10 }));
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("invalid_grant");
  });

  it.each([
    [{ iss: "someone-else" }, "invalid_client_id", "client identifier invalid"],
    [{ sub: "intruder@example.com" }, "invalid_grant", "user hasn't approved this consumer"],
    [{ aud: "https://evil.example" }, "invalid_grant", "audience is invalid"],
  ])("rejects wrong claims %j", async (claims, error, description) => {
    expect(await requestToken(await assertion(claims))).toEqual({
      status: 400,
      body: { error, error_description: description },
    });
  });

  it("rejects other grant types and garbage assertions", async () => {
    expect((await requestToken(await assertion(), "password")).body.error).toBe(
      "unsupported_grant_type",
    );
    expect((await requestToken("not-a-jwt")).body).toEqual({
      error: "invalid_grant",
      error_description: "invalid assertion",
    });
  });
});

describe("REST sessions", () => {
  it("refuses REST calls without a valid bearer token", async () => {
    const response = await fetch(`${sandbox.url}/salesforce/services/data/v62.0/limits`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual([
      { message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" },
    ]);
  });

  it("expires every session through the control API", async () => {
    const token = await accessToken();
    expect((await rest("/services/data/v62.0/limits", { token })).status).toBe(200);
    expect(
      (await fetch(`${sandbox.url}/__control/salesforce/expire-sessions`, { method: "POST" }))
        .status,
    ).toBe(204);
    expect((await rest("/services/data/v62.0/limits", { token })).status).toBe(401);
  });

  it("expires a session after two hours", async () => {
    const token = await accessToken();
    now = new Date(TEST_NOW.getTime() + 2 * 60 * 60 * 1000 + 1);
    expect((await rest("/services/data/v62.0/limits", { token })).status).toBe(401);
  });
});

describe("REST resources", () => {
  it("lists versions publicly and the resources of one version", async () => {
    const versions = (await (await fetch(`${sandbox.url}/salesforce/services/data/`)).json()) as {
      version: string;
      label: string;
    }[];
    expect(versions).toContainEqual({
      label: "Winter '25",
      url: "/services/data/v62.0",
      version: "62.0",
    });
    expect((await rest("/services/data/v62.0/")).body).toMatchObject({
      query: "/services/data/v62.0/query",
    });
    expect((await rest("/services/data/v99.0/limits")).status).toBe(404);
  });

  it("reports limits with DailyApiRequests", async () => {
    expect((await rest("/services/data/v62.0/limits")).body).toMatchObject({
      DailyApiRequests: { Max: 100_000 },
    });
  });

  it("answers jsforce's query strings over HTTP", async () => {
    const soql =
      "SELECT Id, Name, SF_Account_No__c FROM Account WHERE SF_Account_No__c = '100001' LIMIT 2";
    const { status, body } = await rest(`/services/data/v62.0/query?q=${encodeURIComponent(soql)}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: {
            type: "Account",
            url: "/services/data/v62.0/sobjects/Account/001DEMO00000001YDA",
          },
          Id: "001DEMO00000001YDA",
          Name: "Taro Yamada",
          SF_Account_No__c: "100001",
        },
      ],
    });
    const contact =
      "SELECT Id, AccountId, FirstName, LastName, Email, Phone FROM Contact WHERE AccountId = '001DEMO00000002YDA' ORDER BY CreatedDate ASC LIMIT 1";
    expect(
      (await rest(`/services/data/v62.0/query?q=${encodeURIComponent(contact)}`)).body,
    ).toMatchObject({
      totalSize: 1,
      records: [{ Id: "003DEMO00000002YDA", LastName: "Suzuki" }],
    });
  });

  it("answers an invalid query with a 400 error array", async () => {
    const { status, body } = await rest(
      `/services/data/v62.0/query?q=${encodeURIComponent("SELECT Nope FROM Account")}`,
    );
    expect(status).toBe(400);
    expect(body).toEqual([
      expect.objectContaining({
        errorCode: "INVALID_FIELD",
        message: expect.stringContaining("No such column 'Nope' on entity 'Account'"),
      }),
    ]);
  });

  it("reads a record with all or selected fields, and 404s unknown ids and types", async () => {
    const all = await rest("/services/data/v62.0/sobjects/Contact/003DEMO00000001YDA");
    expect(all.body).toMatchObject({
      attributes: {
        type: "Contact",
        url: "/services/data/v62.0/sobjects/Contact/003DEMO00000001YDA",
      },
      AccountId: "001DEMO00000001YDA",
      Name: "Taro Yamada",
      Email: "demo@example.com",
    });
    const some = await rest(
      "/services/data/v62.0/sobjects/Account/001DEMO00000002YDA?fields=Id,Portal_Status__c,WH_Account__c",
    );
    expect(some.body).toEqual({
      attributes: {
        type: "Account",
        url: "/services/data/v62.0/sobjects/Account/001DEMO00000002YDA",
      },
      Id: "001DEMO00000002YDA",
      Portal_Status__c: "Not Yet",
      WH_Account__c: null,
    });
    expect(await rest("/services/data/v62.0/sobjects/Account/001DEMO00000009YDA")).toEqual({
      status: 404,
      body: [{ errorCode: "NOT_FOUND", message: "The requested resource does not exist" }],
    });
    expect((await rest("/services/data/v62.0/sobjects/Widget__c/001DEMO00000001YDA")).status).toBe(
      404,
    );
  });

  it("updates a record with PATCH (204) and validates the fields", async () => {
    const path = "/services/data/v62.0/sobjects/Account/001DEMO00000002YDA";
    const patch = {
      Portal_Status__c: "Active",
      WH_Account__c: "3",
      Portal_Registration_Source__c: "Portal",
    };
    expect(await rest(path, { method: "PATCH", body: JSON.stringify(patch) })).toEqual({
      status: 204,
      body: undefined,
    });
    expect((await rest(path)).body).toMatchObject({
      ...patch,
      LastModifiedDate: "2026-03-31T03:00:00.000+0000",
    });

    const badPicklist = await rest(path, {
      method: "PATCH",
      body: JSON.stringify({ Portal_Status__c: "Maybe" }),
    });
    expect(badPicklist.status).toBe(400);
    expect(badPicklist.body).toEqual([
      expect.objectContaining({ errorCode: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST" }),
    ]);
    expect(
      (await rest(path, { method: "PATCH", body: JSON.stringify({ Nope__c: 1 }) })).body,
    ).toEqual([
      {
        message: "No such column 'Nope__c' on sobject of type Account",
        errorCode: "INVALID_FIELD",
      },
    ]);
    expect(
      (
        await rest(path, {
          method: "PATCH",
          body: JSON.stringify({ CreatedDate: "2020-01-01T00:00:00Z" }),
        })
      ).body,
    ).toEqual([
      expect.objectContaining({
        errorCode: "INVALID_FIELD_FOR_INSERT_UPDATE",
        fields: ["CreatedDate"],
      }),
    ]);
    const missing = await rest("/services/data/v62.0/sobjects/Account/001DEMO00000009YDA", {
      method: "PATCH",
      body: JSON.stringify(patch),
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([expect.objectContaining({ errorCode: "NOT_FOUND" })]);
  });

  it("creates a record with POST (201) and an 18-character id", async () => {
    const created = await rest("/services/data/v62.0/sobjects/Contact", {
      method: "POST",
      body: JSON.stringify({
        AccountId: "001DEMO00000003YDA",
        FirstName: "Kenji",
        LastName: "Tanaka",
        Email: "kenji@example.com",
      }),
    });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };
    expect(created.body).toEqual({ id, success: true, errors: [] });
    expect(id).toMatch(/^003[0-9A-Za-z]{15}$/);
    expect((await rest(`/services/data/v62.0/sobjects/Contact/${id}`)).body).toMatchObject({
      Name: "Kenji Tanaka",
      AccountId: "001DEMO00000003YDA",
    });

    const noLastName = await rest("/services/data/v62.0/sobjects/Contact", {
      method: "POST",
      body: JSON.stringify({ FirstName: "X" }),
    });
    expect(noLastName).toEqual({
      status: 400,
      body: [
        {
          message: "Required fields are missing: [LastName]",
          errorCode: "REQUIRED_FIELD_MISSING",
          fields: ["LastName"],
        },
      ],
    });
    const danglingLookup = await rest("/services/data/v62.0/sobjects/Contact", {
      method: "POST",
      body: JSON.stringify({ LastName: "X", AccountId: "001000000000000AAA" }),
    });
    expect(danglingLookup.body).toEqual([
      expect.objectContaining({ errorCode: "INVALID_CROSS_REFERENCE_KEY" }),
    ]);
  });

  it("counts calls by method and path template", async () => {
    const token = await accessToken();
    sandbox.resetCalls();
    await rest(`/services/data/v62.0/query?q=${encodeURIComponent("SELECT Id FROM Account")}`, {
      token,
    });
    await rest("/services/data/v62.0/sobjects/Account/001DEMO00000001YDA", {
      token,
      method: "PATCH",
      body: "{}",
    });
    await requestToken(await assertion());
    expect(sandbox.calls().salesforce).toEqual({
      "GET /services/data/:version/query": 1,
      "PATCH /services/data/:version/sobjects/Account/:id": 1,
      "POST /services/oauth2/token": 1,
    });
  });
});
