import { AUTH_COOKIES, customerProfileSchema, sessionSchema } from "@portal/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { newUnregisteredAccount } from "./support/salesforce-accounts.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

afterEach(async () => {
  await stack.control.clearFaults();
});

describe("POST /api/auth/signup", () => {
  it("rejects an incomplete or invalid body with 400 naming each field", async () => {
    const client = stack.newClient();
    const body = signupBody(UNREGISTERED.hanako, {
      email: "not-an-email",
      password: "short",
      code: "１２３４５６",
    });
    const { postcode: _postcode, ...addressWithoutPostcode } = body.address;

    const response = await client.signup({ ...body, address: addressWithoutPostcode });

    const error = expectApiError(response, 400, "VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      "address.postcode",
      "email",
      "password",
    ]);
  });

  it("refuses a control character in a name or address with 400 before anything is created", async () => {
    const addClientsBefore = await stack.control.whmcsCalls("AddClient");
    const body = signupBody(UNREGISTERED.kenji, { email: "kenji.nul@example.jp", code: "123456" });

    const responses = await Promise.all([
      stack.newClient().signup({ ...body, lastName: "Tanaka\u0000" }),
      stack.newClient().signup({ ...body, address: { ...body.address, street: "1-2\r\n3" } }),
    ]);

    expect(expectApiError(responses[0]!, 400, "VALIDATION_FAILED").fields).toHaveProperty(
      "lastName",
    );
    expect(expectApiError(responses[1]!, 400, "VALIDATION_FAILED").fields).toHaveProperty(
      "address.street",
    );
    expect(await stack.control.whmcsCalls("AddClient")).toBe(addClientsBefore);
    expect(await stack.whmcs.clientIdsByEmail(body.email)).toEqual([]);
    const account = await stack.salesforce.account(UNREGISTERED.kenji.accountId);
    expect(account.Portal_Status__c).toBe("Not Yet");
  });

  it("answers 409 ALREADY_REGISTERED, pointing to sign-in and reset, once the phone proved the contract", async () => {
    const response = await stack.newClient().signup(
      signupBody(UNREGISTERED.hanako, {
        customerNumber: DEMO.customerNumber,
        firstName: "Taro",
        lastName: "Yamada",
        email: "taro.again@example.jp",
        phone: DEMO.phone,
      }),
    );

    const error = expectApiError(response, 409, "ALREADY_REGISTERED");
    expect(error.fields).toHaveProperty("customerNumber");
    expect(error.message).toMatch(/sign in.*reset your password/i);
  });

  it("answers 409 EMAIL_IN_USE when the email already belongs to a portal user", async () => {
    const response = await stack
      .newClient()
      .signup(signupBody(UNREGISTERED.kenji, { email: DEMO.email }));

    const error = expectApiError(response, 409, "EMAIL_IN_USE");
    expect(error.fields).toHaveProperty("email");
    expect(await stack.whmcs.clientIdsByEmail(DEMO.email)).toHaveLength(1);
  });

  it("never attaches a WHMCS client the portal did not create, even when it has no portal user", async () => {
    // other@example.com is WHMCS client #2: no portal user, created outside the portal.
    const response = await stack
      .newClient()
      .signup(signupBody(UNREGISTERED.kenji, { email: "other@example.com" }));

    const error = expectApiError(response, 409, "EMAIL_IN_USE");
    expect(error.fields).toHaveProperty("email");
    const account = await stack.salesforce.account(UNREGISTERED.kenji.accountId);
    expect(account.Portal_Status__c).toBe("Not Yet");
  });

  it("creates nothing when WHMCS AddClient fails, and says to try again", async () => {
    const body = signupBody(UNREGISTERED.kenji, { email: "kenji.addclient@example.jp" });
    await stack.control.fault({ system: "whmcs", match: "AddClient", kind: "http5xx", times: 1 });

    const response = await stack.newClient().signup(body);

    const error = expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(error.message).toMatch(/try again/i);
    expect(await stack.whmcs.clientIdsByEmail(body.email)).toEqual([]);
    expectApiError(
      await stack.newClient().login(body.email, body.password),
      401,
      "INVALID_CREDENTIALS",
    );
    const account = await stack.salesforce.account(UNREGISTERED.kenji.accountId);
    expect(account.Portal_Status__c).toBe("Not Yet");
    expect(account.WH_Account__c ?? null).toBeNull();
  });

  it("refuses a reading that is not katakana with 400 naming it, before anything is created", async () => {
    const addClientsBefore = await stack.control.whmcsCalls("AddClient");
    const response = await stack
      .newClient()
      .signup(signupBody(UNREGISTERED.kenji, { lastNameKana: "田中", firstNameKana: "" }));

    const error = expectApiError(response, 400, "VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["firstNameKana", "lastNameKana"]);
    expect(error.fields?.lastNameKana).toMatch(/family name in katakana/);
    expect(await stack.control.whmcsCalls("AddClient")).toBe(addClientsBefore);
  });

  it("registers customer 100002: session, cookies, profile and the Salesforce link", async () => {
    const client = stack.newClient();
    // Hiragana and half-width katakana are read as katakana.
    const body = signupBody(UNREGISTERED.hanako, { lastNameKana: "すずき", firstNameKana: "ﾊﾅｺ" });

    const response = await client.signup(body);

    expect(response.status).toBe(201);
    const session = sessionSchema.parse(response.json);
    expect(session.user).toMatchObject({
      email: body.email,
      firstName: "Hanako",
      lastName: "Suzuki",
    });
    const setCookies = response.headers.getSetCookie().join("\n");
    expect(setCookies).toMatch(new RegExp(`${AUTH_COOKIES.access}=[^;]+;.*HttpOnly`, "i"));
    expect(setCookies).toMatch(new RegExp(`${AUTH_COOKIES.refresh}=[^;]+;.*Path=/api/auth`, "i"));

    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    expect(customerProfileSchema.parse(me.json)).toMatchObject({
      email: body.email,
      firstName: "Hanako",
      lastName: "Suzuki",
      lastNameKana: "スズキ",
      firstNameKana: "ハナコ",
      customerNumber: UNREGISTERED.hanako.customerNumber,
      address: { ...body.address, postcode: "530-0001", country: "JP" },
    });

    const [whmcsClientId, ...others] = await stack.whmcs.clientIdsByEmail(body.email);
    expect(others).toEqual([]);
    const account = await stack.salesforce.account(UNREGISTERED.hanako.accountId);
    expect(account.Portal_Status__c).toBe("Active");
    expect(String(account.WH_Account__c)).toBe(String(whmcsClientId));

    // The readings in the WHMCS client custom fields (the sandbox's ids 1 and 2).
    const details = await stack.whmcs.call("GetClientsDetails", {
      clientid: String(whmcsClientId),
    });
    expect(details.client).toMatchObject({
      customfields: [
        { id: 1, value: "スズキ" },
        { id: 2, value: "ハナコ" },
      ],
    });
    // The Account's seeded Contact now carries the names, readings and phone of the sign-up.
    const contacts = await stack.salesforce.query(
      `SELECT Id, FirstName, LastName, LastNameKana__c, FirstNameKana__c, Phone FROM Contact WHERE AccountId = '${UNREGISTERED.hanako.accountId}'`,
    );
    expect(contacts).toEqual([
      expect.objectContaining({
        FirstName: "Hanako",
        LastName: "Suzuki",
        LastNameKana__c: "スズキ",
        FirstNameKana__c: "ハナコ",
        Phone: body.phone,
      }),
    ]);
  });

  it("creates the Contact of an Account that has none, once, and remembers it", async () => {
    const accountId = await newUnregisteredAccount(stack, "200009");
    const body = signupBody(UNREGISTERED.kenji, {
      customerNumber: "200009",
      email: "kenji.contact@example.jp",
    });

    const client = stack.newClient();
    expect((await client.signup(body)).status).toBe(201);

    const contactsOf = () =>
      stack.salesforce.query(
        `SELECT Id, Email, LastName, LastNameKana__c, FirstNameKana__c FROM Contact WHERE AccountId = '${accountId}'`,
      );
    expect(await contactsOf()).toEqual([
      expect.objectContaining({
        Email: body.email,
        LastName: "Tanaka",
        LastNameKana__c: "タナカ",
        FirstNameKana__c: "ケンジ",
      }),
    ]);
    // A later change writes that Contact, not a second one.
    const changed = await client.request("PATCH", "/api/me", {
      body: { firstNameKana: "けんいち" },
    });
    expect(changed.status).toBe(200);
    expect(await contactsOf()).toEqual([
      expect.objectContaining({ Email: body.email, FirstNameKana__c: "ケンイチ" }),
    ]);
  });

  it("recovers from a Salesforce failure after AddClient: no half-made user, one WHMCS client after retry", async () => {
    const body = signupBody(UNREGISTERED.kenji);
    await stack.control.fault({
      system: "salesforce",
      match: "/sobjects/Account",
      kind: "http5xx",
      times: 1,
    });

    const failed = await stack.newClient().signup(body);

    expect([502, 503]).toContain(failed.status);
    expectApiError(
      failed,
      failed.status,
      failed.status === 503 ? "UPSTREAM_UNAVAILABLE" : "UPSTREAM_ERROR",
    );
    expectApiError(
      await stack.newClient().login(body.email, body.password),
      401,
      "INVALID_CREDENTIALS",
    );

    const retried = await stack.newClient().signup(body);

    expect(retried.status).toBe(201);
    const clientIds = await stack.whmcs.clientIdsByEmail(body.email);
    expect(clientIds).toHaveLength(1);
    const account = await stack.salesforce.account(UNREGISTERED.kenji.accountId);
    expect(account).toMatchObject({ Portal_Status__c: "Active" });
    expect(String(account.WH_Account__c)).toBe(String(clientIds[0]));
    expect((await stack.newClient().login(body.email, body.password)).status).toBe(200);

    const third = await stack.newClient().signup(body);
    expectApiError(third, 409, "ALREADY_REGISTERED");
    expect(await stack.whmcs.clientIdsByEmail(body.email)).toHaveLength(1);
  });

  it("lets only one of two concurrent signups for one customer number create a WHMCS client", async () => {
    const customerNumber = "200001";
    await newUnregisteredAccount(stack, customerNumber);
    const addClientsBefore = await stack.control.whmcsCalls("AddClient");
    // Slow AddClient down so both requests are surely under way at the same time.
    await stack.control.fault({
      system: "whmcs",
      match: "AddClient",
      kind: "latency",
      latencyMs: 500,
    });

    // Both codes first, so the two sign-ups surely overlap.
    const bodies = await Promise.all(
      ["race.one@example.jp", "race.two@example.jp"].map((email) =>
        stack.newClient().withSignupCode(signupBody(UNREGISTERED.kenji, { customerNumber, email })),
      ),
    );
    const responses = await Promise.all(bodies.map((body) => stack.newClient().signup(body)));

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = responses.find((response) => response.status === 409);
    expect(loser?.json).toMatchObject({
      error: { code: expect.stringMatching(/^(CONFLICT|ALREADY_REGISTERED)$/) },
    });
    expect((await stack.control.whmcsCalls("AddClient")) - addClientsBefore).toBe(1);
  });

  it("reuses the WHMCS client of a failed attempt when the retry brings another email", async () => {
    const customerNumber = "200002";
    const accountId = await newUnregisteredAccount(stack, customerNumber);
    const addClientsBefore = await stack.control.whmcsCalls("AddClient");
    await stack.control.fault({
      system: "salesforce",
      match: "/sobjects/Account",
      kind: "http5xx",
      times: 1,
    });

    const failed = await stack
      .newClient()
      .signup(signupBody(UNREGISTERED.kenji, { customerNumber, email: "first.try@example.jp" }));
    expect(failed.status).toBe(503);

    const retried = await stack
      .newClient()
      .signup(signupBody(UNREGISTERED.kenji, { customerNumber, email: "second.try@example.jp" }));

    expect(retried.status).toBe(201);
    expect((await stack.control.whmcsCalls("AddClient")) - addClientsBefore).toBe(1);
    expect(await stack.whmcs.clientIdsByEmail("first.try@example.jp")).toEqual([]);
    const clientIds = await stack.whmcs.clientIdsByEmail("second.try@example.jp");
    expect(clientIds).toHaveLength(1);
    const account = await stack.salesforce.account(accountId);
    expect(account.Portal_Status__c).toBe("Active");
    expect(String(account.WH_Account__c)).toBe(String(clientIds[0]));
  });

  it("accepts an Account a lost Salesforce answer left Active when the retry brings another email", async () => {
    const customerNumber = "200003";
    const accountId = await newUnregisteredAccount(stack, customerNumber);
    const addClientsBefore = await stack.control.whmcsCalls("AddClient");
    // Salesforce applies the update but answers after the BFF's 2 s timeout.
    await stack.control.fault({
      system: "salesforce",
      match: "/sobjects/Account",
      kind: "latency",
      latencyMs: 4000,
      times: 1,
    });

    const failed = await stack
      .newClient()
      .signup(signupBody(UNREGISTERED.kenji, { customerNumber, email: "lost.answer@example.jp" }));
    expect([502, 503, 504]).toContain(failed.status);
    const [firstClientId] = await stack.whmcs.clientIdsByEmail("lost.answer@example.jp");
    await eventually(
      () => stack.salesforce.account(accountId),
      (account) => account.Portal_Status__c === "Active",
    );

    const retried = await stack
      .newClient()
      .signup(
        signupBody(UNREGISTERED.kenji, { customerNumber, email: "after.timeout@example.jp" }),
      );

    expect(retried.status).toBe(201);
    expect((await stack.control.whmcsCalls("AddClient")) - addClientsBefore).toBe(1);
    expect(await stack.whmcs.clientIdsByEmail("after.timeout@example.jp")).toEqual([firstClientId]);
    const account = await stack.salesforce.account(accountId);
    expect(String(account.WH_Account__c)).toBe(String(firstClientId));
  });
});
