import { raw } from "@portal/whmcs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../src/index.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  whmcsCall,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let sandbox: Sandbox;

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
  sandbox.setWhmcsResponseMode("current");
});

const call = (action: string, params?: Record<string, string | number>) =>
  whmcsCall(sandbox, secrets, action, params);

const credentials = () => ({
  identifier: secrets.whmcsApiIdentifier,
  secret: secrets.whmcsApiSecret,
  responsetype: "json",
});

describe("response modes", () => {
  it("answers with JSON numbers and booleans by default, as the current reference examples", async () => {
    const invoices = await call("GetInvoices", { userid: 1, limitnum: 1 });
    expect(invoices.body).toMatchObject({
      totalresults: 14,
      startnumber: 0,
      numreturned: 1,
      invoices: {
        invoice: [
          {
            id: 1014,
            userid: 1,
            total: "5830.00",
            taxrate: "10.000",
            paymethodid: 1,
            date_refunded: "0000-00-00 00:00:00",
            date_cancelled: "0000-00-00 00:00:00",
            created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
            updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
          },
        ],
      },
    });
    const details = await call("GetClientsDetails", { clientid: 1 });
    expect(details.body).toMatchObject({
      client: { id: 1, currency: 1, taxexempt: false, allowSingleSignOn: 1, billingcid: 0 },
    });
    // Examples that show strings keep them in the current mode too.
    expect((await call("GetPayMethods", { clientid: 1 })).body).toMatchObject({
      clientid: "1",
      paymethods: [{ id: 1, contact_id: 1 }],
    });
  });

  it("answers every scalar as a string in legacy mode, switched through the control API", async () => {
    const switched = await fetch(`${sandbox.url}/__control/whmcs/response-mode`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mode: "legacy" }),
    });
    expect(switched.status).toBe(204);
    expect(await (await fetch(`${sandbox.url}/__control/whmcs/response-mode`)).json()).toEqual({
      mode: "legacy",
    });
    const invoices = await call("GetInvoices", { userid: 1, limitnum: 1 });
    expect(invoices.body).toMatchObject({
      totalresults: "14",
      startnumber: "0",
      invoices: { invoice: [{ id: "1014", userid: "1", paymethodid: "1" }] },
    });
    const details = await call("GetClientsDetails", { clientid: 1 });
    expect(details.body).toMatchObject({
      client: { id: "1", taxexempt: "", allowSingleSignOn: "1" },
    });
    const invoice = await call("GetInvoice", { invoiceid: 1014 });
    expect(invoice.body).toMatchObject({
      invoiceid: "1014",
      ccgateway: "",
      items: { item: [{ id: "27", taxed: "1" }, { taxed: "1" }] },
    });
    // The client's raw schemas read both encodings alike.
    expect(raw.getInvoiceResponseSchema.parse(invoice.body).invoiceid).toBe(1014);
  });

  it("rejects an unknown mode with 400", async () => {
    const response = await fetch(`${sandbox.url}/__control/whmcs/response-mode`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mode: "xml" }),
    });
    expect(response.status).toBe(400);
  });
});

describe("parameters read as PHP reads them", () => {
  it("reads multipart/form-data bodies", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...credentials(), action: "GetInvoice" })) {
      form.set(name, value);
    }
    form.set("invoiceid", "1013");
    const response = await fetch(`${sandbox.url}/whmcs/includes/api.php`, {
      method: "POST",
      body: form,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: "success", invoiceid: 1013 });
  });

  it("does not read a JSON body: the call has no parameters at all", async () => {
    const response = await fetch(`${sandbox.url}/whmcs/includes/api.php`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...credentials(), action: "WhmcsDetails" }),
    });
    // Not even responsetype=json was read (WHMCS would answer in its default format).
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/responsetype=json/);
    expect(sandbox.calls().whmcs).toEqual({ "(no action)": 1 });
  });

  it("takes the last value of a repeated name", async () => {
    const form = new URLSearchParams({ ...credentials(), action: "GetInvoice" });
    form.append("invoiceid", "999");
    form.append("invoiceid", "1013");
    const response = await fetch(`${sandbox.url}/whmcs/includes/api.php`, {
      method: "POST",
      body: form,
    });
    expect(await response.json()).toMatchObject({ invoiceid: 1013 });
  });
});

describe("GetInvoices orderby / order", () => {
  const ids = async (params: Record<string, string | number>) =>
    raw.getInvoicesResponseSchema
      .parse((await call("GetInvoices", { userid: 1, ...params })).body)
      .invoices.map((invoice) => invoice.id);

  it("sorts by each documented field in either direction", async () => {
    expect(await ids({ orderby: "id", order: "asc", limitnum: 3 })).toEqual([1001, 1002, 1003]);
    expect(await ids({ orderby: "id", order: "desc", limitnum: 3 })).toEqual([1014, 1013, 1012]);
    expect(await ids({ orderby: "invoicenumber", order: "asc", limitnum: 2 })).toEqual([
      1001, 1002,
    ]);
    expect(await ids({ orderby: "duedate", order: "desc", limitnum: 1 })).toEqual([1014]);
    // Paid < Unpaid alphabetically: ascending by status puts the Cancelled one first.
    expect(await ids({ orderby: "status", order: "asc", limitnum: 1 })).toEqual([1009]);
  });
});

describe("GetClients orderby / sorting", () => {
  const emails = async (params: Record<string, string>) =>
    raw.getClientsResponseSchema
      .parse((await call("GetClients", params)).body)
      .clients.map((client) => client.email);

  it("orders by the documented columns in the sorting direction", async () => {
    await call("AddClient", {
      firstname: "Aiko",
      lastname: "Zaitsu",
      email: "aiko@example.com",
      password2: "S3cret-pass",
      skipvalidation: "true",
    });
    expect(await emails({})).toEqual([
      "demo@example.com",
      "other@example.com",
      "yuki.kobayashi@example.com",
      "aiko@example.com",
    ]);
    expect(await emails({ orderby: "firstname" })).toEqual([
      "aiko@example.com",
      "other@example.com",
      "demo@example.com",
      "yuki.kobayashi@example.com",
    ]);
    expect(await emails({ orderby: "lastname", sorting: "DESC" })).toEqual([
      "aiko@example.com",
      "demo@example.com",
      "other@example.com",
      "yuki.kobayashi@example.com",
    ]);
    expect(await emails({ orderby: "email" })).toEqual([
      "aiko@example.com",
      "demo@example.com",
      "other@example.com",
      "yuki.kobayashi@example.com",
    ]);
  });
});

describe("GetClientsDetails stats", () => {
  it("adds invoice counts and amounts in the client's currency with stats=true", async () => {
    const { body } = await call("GetClientsDetails", { clientid: 1, stats: "true" });
    expect(body).toMatchObject({
      stats: {
        numunpaidinvoices: 2,
        unpaidinvoicesamount: "¥11660.00 JPY",
        numoverdueinvoices: 1,
        overdueinvoicesbalance: "¥5830.00 JPY",
        numpaidinvoices: 11,
        paidinvoicesamount: "¥64130.00 JPY",
        numcancelledinvoices: 1,
        income: "¥64130.00 JPY",
        isAffiliate: false,
      },
    });
    expect((await call("GetClientsDetails", { clientid: 1 })).body).not.toHaveProperty("stats");
    expect((await call("GetClientsDetails", { clientid: 1, stats: "0" })).body).not.toHaveProperty(
      "stats",
    );
    // PHP reads the string "false" as true.
    expect((await call("GetClientsDetails", { clientid: 1, stats: "false" })).body).toHaveProperty(
      "stats",
    );
  });
});

describe("ValidateLogin", () => {
  it("accepts the client's password and answers as the reference example", async () => {
    const { body } = await call("ValidateLogin", {
      email: "Demo@Example.com",
      password2: "Demo1234!portal",
    });
    expect(body).toEqual({
      result: "success",
      userid: "1",
      passwordhash: expect.stringMatching(/^[0-9a-f]{40}$/),
      twoFactorEnabled: "false",
    });
  });

  it("refuses a wrong password, an unknown email and a client without a password alike", async () => {
    for (const params of [
      { email: "demo@example.com", password2: "wrong" },
      { email: "nobody@example.com", password2: "Demo1234!portal" },
      { email: "other@example.com", password2: "" },
    ]) {
      expect((await call("ValidateLogin", params)).body).toEqual({
        result: "error",
        message: "Email or Password Invalid",
      });
    }
  });

  it("accepts the password2 given to AddClient", async () => {
    await call("AddClient", {
      firstname: "New",
      lastname: "Client",
      email: "new@example.com",
      password2: "S3cret-pass",
      skipvalidation: "true",
    });
    expect(
      (await call("ValidateLogin", { email: "new@example.com", password2: "S3cret-pass" })).body,
    ).toMatchObject({ result: "success", userid: "101" });
  });
});

describe("AddClient and UpdateClient validation (WHMCS 8)", () => {
  const complete = {
    firstname: "Kenji",
    lastname: "Tanaka",
    email: "kenji@example.com",
    address1: "1-1 Sakae",
    city: "Nagoya",
    state: "Aichi",
    postcode: "460-0008",
    country: "JP",
    phonenumber: "070-4567-8901",
    password2: "S3cret-pass",
  };
  const refusal = async (params: Record<string, string>) => (await call("AddClient", params)).body;

  it("requires password2 and a valid email without owner_user_id, even with skipvalidation", async () => {
    const { password2: _password, ...noPassword } = complete;
    expect(await refusal({ ...noPassword, skipvalidation: "true" })).toEqual({
      result: "error",
      message: "You did not enter a password",
    });
    expect(await refusal({ ...complete, email: "", skipvalidation: "true" })).toMatchObject({
      message: "You did not enter your email address",
    });
  });

  it("joins an existing owner user without a password, and refuses an unknown owner", async () => {
    const { password2: _password, ...noPassword } = complete;
    expect(await refusal({ ...noPassword, owner_user_id: "42" })).toEqual({
      result: "error",
      message: "Invalid Owner User ID",
    });
    expect(await refusal({ ...noPassword, owner_user_id: "1" })).toEqual({
      result: "success",
      clientid: "101",
    });
    expect(await refusal({ ...noPassword, email: "demo@example.com", owner_user_id: "1" })).toEqual(
      { result: "error", message: "The email address entered is not available for use." },
    );
  });

  it("checks country and phone number with the reference's wording", async () => {
    expect(await refusal({ ...complete, country: "Japan" })).toMatchObject({
      message: "Valid country required",
    });
    expect(await refusal({ ...complete, phonenumber: "" })).toMatchObject({
      message: "You did not enter your phone number",
    });
    expect(await refusal({ ...complete, phonenumber: "call me" })).toMatchObject({
      message: "Invalid telephone phone number",
    });
  });

  it("UpdateClient refuses an invalid email and a duplicate one", async () => {
    expect((await call("UpdateClient", { clientid: 1, email: "not-an-email" })).body).toEqual({
      result: "error",
      message: "The email address entered is not valid",
    });
    expect((await call("UpdateClient", { clientid: 1, email: "OTHER@example.com" })).body).toEqual({
      result: "error",
      message: "Duplicate Email Address",
    });
    expect((await call("UpdateClient", { clientid: 1, email: "taro@example.com" })).body).toEqual({
      result: "success",
      clientid: "1",
    });
  });
});
