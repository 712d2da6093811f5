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
});

const call = (action: string, params?: Record<string, string | number>) =>
  whmcsCall(sandbox, secrets, action, params);

async function post(form: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.url}/whmcs/includes/api.php`, {
    method: "POST",
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: await response.json() };
}

describe("WHMCS External API: authentication and dispatch", () => {
  it("rejects a wrong or missing secret with HTTP 403 and the WHMCS message", async () => {
    const wrong = await post({
      action: "GetInvoices",
      identifier: secrets.whmcsApiIdentifier,
      secret: "nope",
      responsetype: "json",
    });
    expect(wrong).toEqual({
      status: 403,
      body: { result: "error", message: "Invalid or missing credentials" },
    });
    const missing = await post({ action: "GetInvoices", responsetype: "json" });
    expect(missing.status).toBe(403);
  });

  it("accepts the credentials passed as username and password", async () => {
    const result = await post({
      action: "WhmcsDetails",
      username: secrets.whmcsApiIdentifier,
      password: secrets.whmcsApiSecret,
      responsetype: "json",
    });
    expect(result.status).toBe(200);
    expect(raw.whmcsDetailsResponseSchema.parse(result.body).whmcs.version).toMatch(/^8\./);
  });

  it("answers an unknown action with Command Not Found", async () => {
    expect((await call("MakeCoffee")).body).toEqual({
      result: "error",
      message: "Command Not Found",
    });
  });

  it("treats action names case-insensitively and counts calls under the documented name", async () => {
    sandbox.resetCalls();
    expect((await call("getcurrencies")).body).toMatchObject({
      result: "success",
      totalresults: "1",
    });
    expect(sandbox.calls().whmcs).toEqual({ GetCurrencies: 1 });
  });
});

describe("GetInvoices", () => {
  it("lists client #1's 14 invoices in the documented shape, newest first by date", async () => {
    const { body } = await call("GetInvoices", {
      userid: 1,
      orderby: "date",
      order: "desc",
      limitnum: 25,
    });
    const parsed = raw.getInvoicesResponseSchema.parse(body);
    expect(parsed.totalresults).toBe(14);
    expect(parsed.invoices.map((invoice) => invoice.id)).toEqual([
      1014, 1013, 1012, 1011, 1010, 1009, 1008, 1007, 1006, 1005, 1004, 1003, 1002, 1001,
    ]);
    expect(parsed.invoices[0]).toMatchObject({
      invoicenum: "INV-202603-1014",
      date: "2026-03-31",
      duedate: "2026-04-14",
      datepaid: "0000-00-00 00:00:00",
      subtotal: "5300.00",
      tax: "530.00",
      total: "5830.00",
      status: "Unpaid",
      currencycode: "JPY",
    });
    expect(parsed.invoices[1]).toMatchObject({
      id: 1013,
      date: "2026-02-28",
      duedate: "2026-03-14",
      status: "Unpaid",
    });
    expect(parsed.invoices[5]).toMatchObject({ id: 1009, status: "Cancelled" });
  });

  it.each([
    ["Paid", 11],
    ["Unpaid", 2],
    ["Cancelled", 1],
    ["Overdue", 1],
    ["overdue", 1],
    ["Refunded", 0],
  ])("filters status %s", async (status, count) => {
    const parsed = raw.getInvoicesResponseSchema.parse(
      (await call("GetInvoices", { userid: 1, status })).body,
    );
    expect(parsed.totalresults).toBe(count);
    expect(parsed.invoices).toHaveLength(count);
    if (status.toLowerCase() === "overdue")
      expect(parsed.invoices.map((invoice) => invoice.id)).toEqual([1013]);
  });

  it("pages with limitstart and limitnum and reports the total", async () => {
    const { body } = await call("GetInvoices", {
      userid: 1,
      orderby: "date",
      order: "desc",
      limitstart: 10,
      limitnum: 5,
    });
    expect(body).toMatchObject({ totalresults: 14, startnumber: 10, numreturned: 4 });
    const parsed = raw.getInvoicesResponseSchema.parse(body);
    expect(parsed.invoices.map((invoice) => invoice.id)).toEqual([1004, 1003, 1002, 1001]);
  });

  it("sorts ascending by id on request and keeps other clients' invoices apart", async () => {
    const mine = raw.getInvoicesResponseSchema.parse(
      (await call("GetInvoices", { userid: 1, orderby: "id", order: "asc", limitnum: 2 })).body,
    );
    expect(mine.invoices.map((invoice) => invoice.id)).toEqual([1001, 1002]);
    const other = raw.getInvoicesResponseSchema.parse(
      (await call("GetInvoices", { userid: 2 })).body,
    );
    expect(other.totalresults).toBe(3);
    expect(other.invoices.every((invoice) => invoice.userid === 2)).toBe(true);
  });
});

describe("GetInvoice", () => {
  it("returns items, totals, balance and an empty transactions list for an unpaid invoice", async () => {
    const { body } = await call("GetInvoice", { invoiceid: 1014 });
    expect(body).toMatchObject({
      result: "success",
      invoiceid: 1014,
      balance: "5830.00",
      taxrate: "10.000",
      ccgateway: false,
      transactions: "",
    });
    const parsed = raw.getInvoiceResponseSchema.parse(body);
    expect(parsed.items.map((item) => [item.description, item.amount, item.taxed])).toEqual([
      ["Fibre 1G Home", "4800.00", true],
      ["Router rental", "500.00", true],
    ]);
    expect(parsed.transactions).toEqual([]);
  });

  it("returns the stripe transaction of a paid invoice", async () => {
    const parsed = raw.getInvoiceResponseSchema.parse(
      (await call("GetInvoice", { invoiceid: 1012 })).body,
    );
    expect(parsed.balance).toBe("0.00");
    expect(parsed.transactions).toEqual([
      expect.objectContaining({ gateway: "stripe", amountin: "5830.00", transid: "ch_demo_1012" }),
    ]);
  });

  it("refuses an unknown id with Invoice ID Not Found", async () => {
    expect((await call("GetInvoice", { invoiceid: 999 })).body).toEqual({
      result: "error",
      message: "Invoice ID Not Found",
    });
  });
});

describe("clients", () => {
  const newClient = {
    firstname: "Hanako",
    lastname: "Suzuki",
    email: "hanako.suzuki@example.com",
    address1: "3-1-1 Minatomirai",
    city: "Nishi-ku, Yokohama",
    state: "Kanagawa",
    postcode: "220-0012",
    country: "JP",
    phonenumber: "080-3456-7890",
    password2: "unused-secret",
    notes: "Portal customer number: 100002",
    skipvalidation: "true",
    noemail: "true",
  };

  // The seed's highest client is #100 (the migration customer), so the next one is #101.
  it("AddClient creates client #101 that GetClientsDetails then returns as WHMCS 8 does", async () => {
    const added = await call("AddClient", newClient);
    expect(added.body).toEqual({ result: "success", clientid: "101" });
    expect(raw.addClientResponseSchema.parse(added.body).clientid).toBe(101);

    const { body } = await call("GetClientsDetails", { clientid: 101 });
    const parsed = raw.getClientsDetailsResponseSchema.parse(body);
    expect(parsed.client).toMatchObject({
      id: 101,
      email: "hanako.suzuki@example.com",
      state: "Kanagawa",
      countrycode: "JP",
      currency_code: "JPY",
      status: "Active",
    });
    expect(body).toMatchObject({
      client: {
        id: 101,
        owner_user_id: 101,
        email: "hanako.suzuki@example.com",
        notes: "Portal customer number: 100002",
        users: { user: [{ id: 101, email: "hanako.suzuki@example.com", is_owner: true }] },
      },
    });
    // The old flat copy and the fields removed in 7.8 / 8.0 are gone.
    expect(body).not.toHaveProperty("id");
    expect(body).not.toHaveProperty("client.cctype");
    expect(body).not.toHaveProperty("client.securityqid");
  });

  it("AddClient refuses an email that is already in use, whatever its case", async () => {
    const result = await call("AddClient", { ...newClient, email: "Demo@Example.com" });
    expect(result.body).toEqual({
      result: "error",
      message: "A user already exists with that email address",
    });
  });

  it("AddClient checks required fields unless skipvalidation is set", async () => {
    const { skipvalidation: _skip, ...unvalidated } = newClient;
    expect((await call("AddClient", { ...unvalidated, city: "" })).body).toEqual({
      result: "error",
      message: "You did not enter your city",
    });
    expect((await call("AddClient", { ...newClient, email: "not-an-email" })).body).toMatchObject({
      message: "The email address you entered was not valid",
    });
  });

  it("GetClientsDetails finds by email and reports an unknown client", async () => {
    expect((await call("GetClientsDetails", { email: "other@example.com" })).body).toMatchObject({
      client: { id: 2 },
    });
    expect((await call("GetClientsDetails", { clientid: 42 })).body).toEqual({
      result: "error",
      message: "Client Not Found",
    });
    expect((await call("GetClientsDetails")).body).toMatchObject({
      message: "Either clientid Or email Is Required",
    });
  });

  it("GetClients matches the start of email or names and pages", async () => {
    const parsed = raw.getClientsResponseSchema.parse(
      (await call("GetClients", { search: "demo@" })).body,
    );
    expect(parsed.clients.map((client) => client.email)).toEqual(["demo@example.com"]);
    const all = raw.getClientsResponseSchema.parse(
      (await call("GetClients", { limitnum: 1, sorting: "DESC" })).body,
    );
    expect(all.totalresults).toBe(3);
    expect(all.clients.map((client) => client.id)).toEqual([100]);
  });

  it("UpdateClient changes the passed fields and refuses another client's email", async () => {
    const updated = await call("UpdateClient", {
      clientid: 1,
      address1: "2-2-2 Otemachi",
      address2: "",
      skipvalidation: "true",
    });
    expect(updated.body).toEqual({ result: "success", clientid: "1" });
    const details = raw.getClientsDetailsResponseSchema.parse(
      (await call("GetClientsDetails", { clientid: 1 })).body,
    );
    expect(details.client).toMatchObject({
      address1: "2-2-2 Otemachi",
      address2: "",
      city: "Chiyoda-ku",
    });

    expect((await call("UpdateClient", { clientid: 1, email: "other@example.com" })).body).toEqual({
      result: "error",
      message: "Duplicate Email Address",
    });
    expect((await call("UpdateClient", { clientid: 99, firstname: "X" })).body).toMatchObject({
      message: "Client ID Not Found",
    });
  });
});

describe("client custom fields (the katakana readings)", () => {
  /** `customfields` as a PHP client sends it: base64_encode(serialize(array(...))). */
  const php = (serialized: string) => Buffer.from(serialized, "utf8").toString("base64");
  const readings = async (clientid: number) =>
    raw.getClientsDetailsResponseSchema.parse((await call("GetClientsDetails", { clientid })).body)
      .client.customfields;

  it("GetClientsDetails lists every client custom field with the client's value", async () => {
    const { body } = await call("GetClientsDetails", { clientid: 100 });
    expect(body).toMatchObject({
      client: {
        customfields: [
          { id: 1, value: "コバヤシ" },
          { id: 2, value: "ユキ" },
        ],
        customfields1: "コバヤシ",
        customfields2: "ユキ",
      },
    });
  });

  it("AddClient stores the values of a PHP-serialized array, byte lengths and all", async () => {
    const added = await call("AddClient", {
      firstname: "Hanako",
      lastname: "Suzuki",
      email: "hanako.kana@example.com",
      password2: "unused-secret",
      skipvalidation: "true",
      // serialize(array(1 => 'スズキ', 2 => 'ハナコ', 99 => 'no such field'))
      customfields: php('a:3:{i:1;s:9:"スズキ";i:2;s:9:"ハナコ";i:99;s:13:"no such field";}'),
    });
    const id = raw.addClientResponseSchema.parse(added.body).clientid;
    expect(await readings(id)).toEqual([
      { id: 1, value: "スズキ" },
      { id: 2, value: "ハナコ" },
    ]);
  });

  it("UpdateClient changes the fields it names and leaves the others", async () => {
    // serialize(array('2' => 'タロー')): PHP turns a numeric string key into an integer key.
    const updated = await call("UpdateClient", {
      clientid: 1,
      customfields: php('a:1:{s:1:"2";s:9:"タロー";}'),
    });
    expect(updated.body).toEqual({ result: "success", clientid: "1" });
    expect(await readings(1)).toEqual([
      { id: 1, value: "ヤマダ" },
      { id: 2, value: "タロー" },
    ]);
  });

  it("ignores a value that is not a serialized array, as WHMCS's is_array check does", async () => {
    for (const customfields of [php("not serialized"), php('s:3:"abc";'), "%%%"]) {
      const updated = await call("UpdateClient", { clientid: 1, customfields });
      expect(updated.body).toEqual({ result: "success", clientid: "1" });
    }
    expect(await readings(1)).toEqual([
      { id: 1, value: "ヤマダ" },
      { id: 2, value: "タロウ" },
    ]);
  });
});

describe("pay methods, currencies and SSO tokens", () => {
  it("GetPayMethods returns client #1's Visa ending 4242 and none for client #2", async () => {
    const mine = raw.getPayMethodsResponseSchema.parse(
      (await call("GetPayMethods", { clientid: 1 })).body,
    );
    expect(mine.paymethods).toEqual([
      expect.objectContaining({
        id: 1,
        type: "RemoteCreditCard",
        card_type: "Visa",
        card_last_four: "4242",
        gateway_name: "stripe",
      }),
    ]);
    expect(
      raw.getPayMethodsResponseSchema.parse((await call("GetPayMethods", { clientid: 2 })).body)
        .paymethods,
    ).toEqual([]);
    expect((await call("GetPayMethods", { clientid: 77 })).body).toMatchObject({
      message: "Client Not Found",
    });
  });

  it("GetCurrencies lists JPY", async () => {
    expect((await call("GetCurrencies")).body).toMatchObject({
      currencies: { currency: [{ id: "1", code: "JPY" }] },
    });
  });

  it("CreateSsoToken returns a single sign-on URL on the sandbox, and refuses an unknown client", async () => {
    const { body } = await call("CreateSsoToken", {
      client_id: 1,
      destination: "sso:custom_redirect",
      sso_redirect_path: "viewinvoice.php?id=1014",
    });
    const parsed = raw.createSsoTokenResponseSchema.parse(body);
    expect(parsed.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(parsed.redirect_url).toBe(
      `${sandbox.url}/whmcs/oauth/singlesignon.php?access_token=${parsed.access_token}`,
    );
    expect((await call("CreateSsoToken", { client_id: 9 })).body).toEqual({
      result: "error",
      message: "Invalid client_id",
    });
    expect(
      (
        await call("CreateSsoToken", {
          client_id: 1,
          destination: "sso:custom_redirect",
          sso_redirect_path: "//evil.test/",
        })
      ).body,
    ).toMatchObject({
      message: "Invalid destination",
    });
  });
});
