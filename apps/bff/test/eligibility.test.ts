import { eligibilitySchema } from "@portal/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EventBus } from "../src/modules/events/event-bus.js";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;
let demo: PortalClient;
let hanako: PortalClient;
let kenji: PortalClient;

const HANAKO = UNREGISTERED.hanako.accountId;
const KENJI = UNREGISTERED.kenji.accountId;
const DEMO_ACCOUNT = "001DEMO00000001YDA";

/** The address both sign-ups gave (`signupBody`), as WHMCS now holds it. */
const SIGNUP_ADDRESS = {
  postcode: "530-0001",
  prefecture: "Osaka",
  city: "Osaka-shi Kita-ku",
  street: "Umeda 1-2-3",
  building: "Umeda Tower 1201",
  country: "JP",
};

const OTHER_ADDRESS = {
  postcode: "１５０ー０００１",
  prefecture: "Tokyo",
  city: "渋谷区",
  street: "神宮前1-2-3",
  building: "",
};

let keyCounter = 0;
/** A fresh `Idempotency-Key`, as the portal sends one per user action. */
function newKey(): string {
  keyCounter += 1;
  return `eligibility-test-${Date.now()}-${keyCounter}`;
}

function requestEligibility(client: PortalClient, body: unknown, key = newKey()) {
  return client.post("/api/eligibility", body, { headers: { "idempotency-key": key } });
}

async function cases(accountId: string): Promise<Record<string, unknown>[]> {
  return stack.salesforce.query(
    `SELECT Id, CaseNumber, Subject, Description, Origin, Type, Status, AccountId, ContactId FROM Case WHERE AccountId = '${accountId}'`,
  );
}

async function accountEligibility(accountId: string): Promise<Record<string, unknown>> {
  const [account] = await stack.salesforce.query(
    `SELECT Internet_Eligibility__c, Internet_Eligibility_Status__c FROM Account WHERE Id = '${accountId}'`,
  );
  return account ?? {};
}

/** What Change Data Capture will publish when staff change the Account (decision 0053). */
async function eligibilityChanged(sfAccountId: string): Promise<void> {
  await stack.app.get(EventBus).publish("EligibilityChanged", { sfAccountId });
}

/** Staff put the Account back to `Not Requested` in Salesforce, and the portal hears of it. */
async function resetAccount(accountId: string): Promise<void> {
  await stack.salesforce.update("Account", accountId, {
    Internet_Eligibility_Status__c: "Not Requested",
    Internet_Eligibility__c: null,
  });
  await eligibilityChanged(accountId);
}

beforeAll(async () => {
  stack = await startStack();
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
  hanako = stack.newClient();
  expect((await hanako.signup(signupBody(UNREGISTERED.hanako))).status).toBe(201);
  kenji = stack.newClient();
  expect((await kenji.signup(signupBody(UNREGISTERED.kenji))).status).toBe(201);
});

beforeEach(async () => {
  await stack.control.clearFaults();
  await resetAccount(HANAKO);
});

afterAll(async () => {
  await stack?.close();
});

describe("GET /api/eligibility", () => {
  it("shows an eligible account with its offering type", async () => {
    const response = await demo.get("/api/eligibility");

    expect(response.status).toBe(200);
    expect(eligibilitySchema.parse(response.json)).toEqual({
      status: "eligible",
      offeringType: "home_1g",
      requestedAddress: null,
      requestedAt: null,
    });
  });

  it("shows an account never asked about as not requested", async () => {
    expect((await hanako.get("/api/eligibility")).json).toEqual({
      status: "not_requested",
      offeringType: null,
      requestedAddress: null,
      requestedAt: null,
    });
  });

  it("keeps its answer cached until the account's eligibility changes, then shows the new one", async () => {
    expect((await kenji.get("/api/eligibility")).json).toMatchObject({ status: "not_requested" });
    await stack.control.decideEligibility(KENJI, { status: "Ineligible" });
    expect((await kenji.get("/api/eligibility")).json).toMatchObject({ status: "not_requested" });

    await eligibilityChanged(KENJI);

    expect((await kenji.get("/api/eligibility")).json).toMatchObject({
      status: "ineligible",
      offeringType: null,
    });
    await resetAccount(KENJI);
  });

  it("answers 401 without a session", async () => {
    expectApiError(await stack.newClient().get("/api/eligibility"), 401, "UNAUTHENTICATED");
  });
});

describe("POST /api/eligibility", () => {
  it("checks the address on file: the Account becomes Pending and one Portal Website Case opens", async () => {
    const before = (await cases(HANAKO)).length;

    const response = await requestEligibility(hanako, {});

    expect(response.status).toBe(201);
    const answer = eligibilitySchema.parse(response.json);
    expect(answer).toMatchObject({
      status: "pending",
      offeringType: null,
      requestedAddress: SIGNUP_ADDRESS,
    });
    expect(Date.now() - Date.parse(answer.requestedAt ?? "")).toBeLessThan(60_000);
    expect(await accountEligibility(HANAKO)).toMatchObject({
      Internet_Eligibility__c: null,
      Internet_Eligibility_Status__c: "Pending",
    });
    const opened = (await cases(HANAKO)).slice(before);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      Origin: "Portal Website",
      Type: "Internet Eligibility",
      Status: "New",
      AccountId: HANAKO,
      ContactId: expect.stringMatching(/^003/),
      CaseNumber: expect.stringMatching(/^\d{8}$/),
    });
    expect(opened[0]?.Description).toContain(
      "確認する住所: 〒530-0001 大阪府Osaka-shi Kita-kuUmeda 1-2-3 Umeda Tower 1201",
    );
    expect((await hanako.get("/api/eligibility")).json).toEqual(answer);
  });

  it("checks an address given in the body, and refuses to ask again for the same one", async () => {
    const response = await requestEligibility(hanako, { address: OTHER_ADDRESS });

    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      status: "pending",
      requestedAddress: { postcode: "150-0001", prefecture: "Tokyo", city: "渋谷区" },
    });
    const count = (await cases(HANAKO)).length;
    const again = expectApiError(
      await requestEligibility(hanako, { address: OTHER_ADDRESS }),
      409,
      "ELIGIBILITY_ALREADY_REQUESTED",
    );
    expect(again.message).toMatch(/already checking/);
    expect(await cases(HANAKO)).toHaveLength(count);

    // Another address (the one on file) may be asked while the first is pending.
    expect((await requestEligibility(hanako, {})).status).toBe(201);
    expect(await cases(HANAKO)).toHaveLength(count + 1);
  });

  it("refuses the address an eligible account was found eligible for", async () => {
    // The demo customer was found eligible (seed) for the address on file.
    expectApiError(await requestEligibility(demo, {}), 409, "ELIGIBILITY_ALREADY_REQUESTED");
    expect(await cases(DEMO_ACCOUNT)).toHaveLength(0);
  });

  it("answers 400 naming the field of a bad address, and opens nothing", async () => {
    const before = (await cases(HANAKO)).length;
    const error = expectApiError(
      await requestEligibility(hanako, { address: { ...OTHER_ADDRESS, postcode: "15-01" } }),
      400,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.fields ?? {})).toEqual(["address.postcode"]);
    expectApiError(
      await requestEligibility(hanako, { address: OTHER_ADDRESS, extra: true }),
      400,
      "VALIDATION_FAILED",
    );
    expect(await cases(HANAKO)).toHaveLength(before);
    expect(await accountEligibility(HANAKO)).toMatchObject({
      Internet_Eligibility_Status__c: "Not Requested",
    });
  });

  it("opens one Case for a repeated Idempotency-Key and answers the repeat with the same body", async () => {
    const before = (await cases(HANAKO)).length;
    const key = newKey();

    const first = await requestEligibility(hanako, {}, key);
    const repeat = await requestEligibility(hanako, {}, key);

    expect(first.status).toBe(201);
    expect(repeat.status).toBe(201);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect(repeat.json).toEqual(first.json);
    expect(await cases(HANAKO)).toHaveLength(before + 1);
    expectApiError(
      await requestEligibility(hanako, { address: OTHER_ADDRESS }, key),
      422,
      "IDEMPOTENCY_KEY_REUSED",
    );
  });

  it.each([
    ["reading the Account", "/query"],
    ["opening the Case", "/sobjects/Case"],
  ])("answers 503 and leaves nothing behind when Salesforce fails %s", async (_step, match) => {
    const before = (await cases(HANAKO)).length;
    await stack.control.fault({ system: "salesforce", match, kind: "http5xx", status: 503 });

    const response = await requestEligibility(hanako, {});
    await stack.control.clearFaults();

    expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(await cases(HANAKO)).toHaveLength(before);
    expect(await accountEligibility(HANAKO)).toMatchObject({
      Internet_Eligibility_Status__c: "Not Requested",
    });
    expect((await hanako.get("/api/eligibility")).json).toMatchObject({
      status: "not_requested",
    });
  });

  it("keeps the Case when setting the Account Pending fails without an answer, so staff see it", async () => {
    const before = (await cases(HANAKO)).length;
    await stack.control.fault({
      system: "salesforce",
      match: "/sobjects/Account",
      kind: "http5xx",
      status: 503,
    });

    const response = await requestEligibility(hanako, {});
    await stack.control.clearFaults();

    // The Account update may have been applied (a timeout, a lost answer): the Case stays.
    expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(await cases(HANAKO)).toHaveLength(before + 1);
  });

  it("answers 503 and asks nothing when WHMCS cannot give the address on file", async () => {
    await stack.control.fault({ system: "whmcs", match: "GetClientsDetails", kind: "http5xx" });

    const response = await requestEligibility(kenji, {});
    await stack.control.clearFaults();

    expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(await cases(KENJI)).toHaveLength(0);
    expect(await accountEligibility(KENJI)).toMatchObject({
      Internet_Eligibility_Status__c: "Not Requested",
    });
  });

  it("shows staff's answer once Salesforce reports the change: eligible, with the address asked", async () => {
    const asked = await requestEligibility(hanako, { address: OTHER_ADDRESS });
    expect(asked.status).toBe(201);
    expect((await hanako.get("/api/eligibility")).json).toMatchObject({ status: "pending" });

    await stack.salesforce.update("Account", HANAKO, {
      Internet_Eligibility_Status__c: "Eligible",
      Internet_Eligibility__c: "Mansion 1G",
    });
    await eligibilityChanged(HANAKO);

    const response = await hanako.get("/api/eligibility");
    expect(response.json).toEqual({
      ...(asked.json as object),
      status: "eligible",
      offeringType: "mansion_1g",
    });
  });
});
