import { customerProfileSchema, postcodeLookupResultSchema } from "@portal/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";
import { DATABASE_CONNECTION, type DatabaseConnection } from "../src/modules/database/database.js";
import { auditLog } from "../src/modules/auth/schema/audit-log.js";

let stack: Stack;
let demo: PortalClient;

/** The demo customer's Salesforce Contact (sandbox seed). */
const DEMO_CONTACT_QUERY =
  "SELECT FirstName, LastName, LastNameKana__c, FirstNameKana__c, Phone FROM Contact WHERE AccountId = '001DEMO00000001YDA'";

async function demoContact(): Promise<Record<string, unknown>> {
  const [contact] = await stack.salesforce.query(DEMO_CONTACT_QUERY);
  return contact ?? {};
}

/** The demo customer's Salesforce Account (sandbox seed). */
const DEMO_ACCOUNT_QUERY =
  "SELECT Id, BillingPostalCode, BillingState, BillingCity, BillingStreet FROM Account WHERE SF_Account_No__c = '100001'";

const NEW_ADDRESS = {
  postcode: "１５０ー０００１",
  prefecture: "Tokyo",
  city: "渋谷区",
  street: "神宮前1-2-3",
  building: "神宮前ハイツ101",
};

async function whmcsClient(clientId: number): Promise<Record<string, unknown>> {
  const body = await stack.whmcs.call("GetClientsDetails", { clientid: String(clientId) });
  return body.client as Record<string, unknown>;
}

/** The audit events recorded as `event`, oldest first. */
async function auditEvents(event: string): Promise<{ detail: Record<string, unknown> }[]> {
  const { db } = stack.app.get<DatabaseConnection>(DATABASE_CONNECTION);
  return db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.event, event));
}

async function demoAccount(): Promise<Record<string, unknown>> {
  const [account] = await stack.salesforce.query(DEMO_ACCOUNT_QUERY);
  return account ?? {};
}

beforeAll(async () => {
  stack = await startStack();
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
});

beforeEach(async () => {
  await stack.control.clearFaults();
});

afterAll(async () => {
  await stack?.close();
});

describe("GET /api/address/lookup", () => {
  it("finds the address of a postcode typed with full-width digits and a hyphen", async () => {
    const response = await stack.newClient().get("/api/address/lookup?postcode=１５０－０００１");

    expect(response.status).toBe(200);
    expect(postcodeLookupResultSchema.parse(response.json)).toEqual({
      postcode: "150-0001",
      addresses: [
        { prefecture: "Tokyo", prefectureName: "東京都", city: "渋谷区", town: "神宮前" },
      ],
    });
  });

  it("answers 400 naming postcode for a malformed one", async () => {
    const error = expectApiError(
      await stack.newClient().get("/api/address/lookup?postcode=15-01"),
      400,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.fields ?? {})).toEqual(["postcode"]);
  });

  it("answers 404 for a postcode Japan Post does not know", async () => {
    expectApiError(
      await stack.newClient().get("/api/address/lookup?postcode=0000001"),
      404,
      "NOT_FOUND",
    );
  });
});

describe("PATCH /api/me", () => {
  it("changes names, readings and phone in WHMCS, then the Salesforce Contact", async () => {
    // The seeded readings, from the WHMCS client custom fields (cached by this first read).
    expect((await demo.get("/api/me")).json).toMatchObject({
      lastNameKana: "ヤマダ",
      firstNameKana: "タロウ",
    });
    const response = await demo.request("PATCH", "/api/me", {
      body: {
        lastName: "山田",
        firstName: "太郎",
        lastNameKana: "やまだ",
        firstNameKana: "ﾀﾛｰ",
        phone: "０３－１２３４－５６７８",
      },
    });

    expect(response.status).toBe(200);
    expect(customerProfileSchema.parse(response.json)).toMatchObject({
      lastName: "山田",
      firstName: "太郎",
      lastNameKana: "ヤマダ",
      firstNameKana: "タロー",
      phone: "03-1234-5678",
    });
    expect(await whmcsClient(DEMO.whmcsClientId)).toMatchObject({
      lastname: "山田",
      firstname: "太郎",
      customfields: [
        { id: 1, value: "ヤマダ" },
        { id: 2, value: "タロー" },
      ],
    });
    expect(await demoContact()).toMatchObject({
      FirstName: "太郎",
      LastName: "山田",
      LastNameKana__c: "ヤマダ",
      FirstNameKana__c: "タロー",
      Phone: "03-1234-5678",
    });
    expect((await demo.get("/api/me")).json).toMatchObject({ lastName: "山田" });
    // Which fields changed, never their values.
    expect(await auditEvents("profile_updated")).toEqual([
      { detail: { fields: ["firstName", "firstNameKana", "lastName", "lastNameKana", "phone"] } },
    ]);
  });

  it("keeps the WHMCS change when Salesforce fails and writes the Contact in the background", async () => {
    await stack.control.fault({
      system: "salesforce",
      match: "sobjects/Contact",
      kind: "http5xx",
      status: 503,
      times: 1,
    });

    const response = await demo.request("PATCH", "/api/me", {
      body: { firstNameKana: "タロウ" },
    });

    expect(response.status).toBe(200);
    expect(customerProfileSchema.parse(response.json).firstNameKana).toBe("タロウ");
    await eventually(demoContact, (contact) => contact.FirstNameKana__c === "タロウ", {
      attempts: 100,
      intervalMs: 200,
    });
  });

  it("changes nothing when WHMCS fails", async () => {
    const before = await whmcsClient(DEMO.whmcsClientId);
    const contactBefore = await demoContact();
    await stack.control.fault({ system: "whmcs", match: "UpdateClient", kind: "http5xx" });

    const response = await demo.request("PATCH", "/api/me", {
      body: { lastNameKana: "ヤマモト" },
    });

    expect([502, 503]).toContain(response.status);
    expect(await whmcsClient(DEMO.whmcsClientId)).toEqual(before);
    expect(await demoContact()).toEqual(contactBefore);
  });

  it.each([
    [{ lastName: "" }, "lastName"],
    [{ phone: "12" }, "phone"],
    [{ email: "x@example.com" }, "email"],
    [{ lastNameKana: "山田" }, "lastNameKana"],
    [{ firstNameKana: "Taro" }, "firstNameKana"],
    [{ firstNameKana: "  " }, "firstNameKana"],
  ])("refuses %j naming %s", async (body, field) => {
    const error = expectApiError(
      await demo.request("PATCH", "/api/me", { body }),
      400,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
  });
});

describe("PATCH /api/me/address", () => {
  it("writes WHMCS, then the Salesforce Account's billing address", async () => {
    const response = await demo.request("PATCH", "/api/me/address", { body: NEW_ADDRESS });

    expect(response.status).toBe(200);
    expect(customerProfileSchema.parse(response.json).address).toMatchObject({
      postcode: "150-0001",
      city: "渋谷区",
    });
    expect(await whmcsClient(DEMO.whmcsClientId)).toMatchObject({
      postcode: "150-0001",
      state: "Tokyo",
      city: "渋谷区",
      address1: "神宮前1-2-3",
      address2: "神宮前ハイツ101",
    });
    expect(await demoAccount()).toMatchObject({
      BillingPostalCode: "150-0001",
      BillingState: "Tokyo",
      BillingCity: "渋谷区",
      BillingStreet: "神宮前1-2-3\n神宮前ハイツ101",
    });
    expect(await auditEvents("address_updated")).toHaveLength(1);
  });

  it.each(["postcode", "prefecture", "city", "street"])(
    "refuses a bad %s naming it",
    async (field) => {
      const error = expectApiError(
        await demo.request("PATCH", "/api/me/address", {
          body: { ...NEW_ADDRESS, [field]: field === "prefecture" ? "Atlantis" : "" },
        }),
        400,
        "VALIDATION_FAILED",
      );
      expect(Object.keys(error.fields ?? {})).toEqual([field]);
    },
  );

  it("changes nothing when WHMCS fails", async () => {
    const before = await whmcsClient(DEMO.whmcsClientId);
    const accountBefore = await demoAccount();
    await stack.control.fault({
      system: "whmcs",
      match: "UpdateClient",
      kind: "http5xx",
      status: 503,
    });

    const response = await demo.request("PATCH", "/api/me/address", {
      body: { ...NEW_ADDRESS, postcode: "530-0001", prefecture: "Osaka", city: "大阪市北区" },
    });

    expect([502, 503]).toContain(response.status);
    expect(await whmcsClient(DEMO.whmcsClientId)).toEqual(before);
    expect(await demoAccount()).toEqual(accountBefore);
  });

  it("keeps the WHMCS change when Salesforce fails and catches Salesforce up in the background", async () => {
    await stack.control.fault({
      system: "salesforce",
      match: "sobjects/Account",
      kind: "http5xx",
      status: 503,
      times: 1,
    });

    const response = await demo.request("PATCH", "/api/me/address", {
      body: { ...NEW_ADDRESS, postcode: "530-0001", prefecture: "Osaka", city: "大阪市北区" },
    });

    expect(response.status).toBe(200);
    expect(await whmcsClient(DEMO.whmcsClientId)).toMatchObject({ postcode: "530-0001" });
    await eventually(
      demoAccount,
      (account) => account.BillingPostalCode === "530-0001" && account.BillingState === "Osaka",
      { attempts: 100, intervalMs: 200 },
    );
  });

  it("changes only the signed-in customer's address", async () => {
    const hanako = stack.newClient();
    expect((await hanako.signup(signupBody(UNREGISTERED.hanako))).status).toBe(201);
    const demoBefore = await whmcsClient(DEMO.whmcsClientId);

    const response = await hanako.request("PATCH", "/api/me/address", { body: NEW_ADDRESS });

    expect(response.status).toBe(200);
    expect(await whmcsClient(DEMO.whmcsClientId)).toEqual(demoBefore);
    const [account] = await stack.salesforce.query(
      `SELECT BillingCity FROM Account WHERE Id = '${UNREGISTERED.hanako.accountId}'`,
    );
    expect(account).toMatchObject({ BillingCity: "渋谷区" });
  });
});
