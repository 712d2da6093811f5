import { describe, expect, it } from "vitest";
import {
  addClientResponseSchema,
  createSsoTokenResponseSchema,
  getClientsDetailsResponseSchema,
  getClientsResponseSchema,
  getInvoiceResponseSchema,
  getInvoicesResponseSchema,
  getPayMethodsResponseSchema,
  updateClientResponseSchema,
  whmcsDetailsResponseSchema,
  whmcsEnvelopeSchema,
} from "../../src/raw/index.js";
import { fixture } from "../fixtures/fixture.js";

describe("raw schemas accept the WHMCS reference examples", () => {
  it("parses GetInvoices with string and numeric scalars alike", () => {
    const current = getInvoicesResponseSchema.parse(fixture("getinvoices"));
    const legacy = getInvoicesResponseSchema.parse(fixture("getinvoices.v7"));
    expect(current.invoices[0]).toMatchObject({
      id: 1,
      userid: 1,
      subtotal: "15.95",
      status: "Unpaid",
    });
    expect(legacy.invoices[0]).toMatchObject({
      id: 1,
      userid: 1,
      subtotal: "15.95",
      status: "Unpaid",
    });
    expect(current.totalresults).toBe(1);
    expect(legacy.totalresults).toBe(1);
  });

  it("parses GetClients rows", () => {
    const current = getClientsResponseSchema.parse(fixture("getclients"));
    expect(current.clients.map((client) => [client.id, client.email])).toEqual([
      [2, "price.ima@example.com"],
      [1, "cecelia99@example.com"],
    ]);
  });

  it.each(["getclientsdetails", "getclientsdetails.v7"])("parses %s", (name) => {
    const parsed = getClientsDetailsResponseSchema.parse(fixture(name));
    expect(parsed.client).toMatchObject({
      id: 1,
      currency: 1,
      currency_code: "USD",
      status: "Active",
    });
  });

  it.each(["getinvoice", "getinvoice.v7"])(
    "parses %s, its items and its empty transactions",
    (name) => {
      const parsed = getInvoiceResponseSchema.parse(fixture(name));
      expect(parsed.invoiceid).toBe(1);
      expect(parsed.userid).toBe(2361);
      expect(parsed.items).toEqual([
        {
          id: 1,
          type: "Hosting",
          relid: 1,
          description: "Sample Monthly Product (01/01/2016 - 31/01/2016)",
          amount: "15.95",
          taxed: false,
        },
      ]);
      expect(parsed.transactions).toEqual([]);
    },
  );

  it("parses the other actions' examples", () => {
    expect(addClientResponseSchema.parse(fixture("addclient")).clientid).toBe(1);
    expect(updateClientResponseSchema.parse(fixture("updateclient")).clientid).toBe(1);
    expect(createSsoTokenResponseSchema.parse(fixture("createssotoken")).redirect_url).toBe(
      "http://example.test/oauth/singlesignon.php?access_token=afaed4482ad1e6b75492cdd421cc458b1991a97c",
    );
    expect(whmcsDetailsResponseSchema.parse(fixture("whmcsdetails")).whmcs.version).toBe("8.0.0");
    const payMethods = getPayMethodsResponseSchema.parse(fixture("getpaymethods"));
    expect(payMethods.paymethods.map((method) => method.type)).toEqual([
      "RemoteCreditCard",
      "CreditCard",
      "BankAccount",
      "RemoteBankAccount",
    ]);
  });
});

describe("empty lists", () => {
  it.each([
    ["an empty string", ""],
    ["an empty array", []],
    ["null", null],
    ["a missing key", undefined],
    ["an empty wrapped array", { invoice: [] }],
  ])("GetInvoices reads %s as no invoices", (_label, invoices) => {
    const body = { result: "success", totalresults: "0", startnumber: "0", numreturned: "0" };
    const answer = invoices === undefined ? body : { ...body, invoices };
    expect(getInvoicesResponseSchema.parse(answer).invoices).toEqual([]);
  });

  it.each([[""], [[]], [null]])("GetPayMethods reads %j as no pay methods", (paymethods) => {
    expect(
      getPayMethodsResponseSchema.parse({ result: "success", clientid: 1, paymethods }).paymethods,
    ).toEqual([]);
  });

  it("GetPayMethods reads a missing list as no pay methods", () => {
    expect(
      getPayMethodsResponseSchema.parse({ result: "success", clientid: 1 }).paymethods,
    ).toEqual([]);
  });

  it("rejects a list of the wrong shape", () => {
    const body = { totalresults: 1, invoices: { invoice: { id: 1 } } };
    expect(getInvoicesResponseSchema.safeParse(body).success).toBe(false);
  });
});

describe("scalars", () => {
  it("refuses a non-numeric id and a non-decimal amount", () => {
    const row = (fixture("getinvoices").invoices as { invoice: Record<string, unknown>[] })
      .invoice[0]!;
    const parses = (patch: Record<string, unknown>) =>
      getInvoicesResponseSchema.safeParse({
        totalresults: 1,
        invoices: { invoice: [{ ...row, ...patch }] },
      }).success;
    expect(parses({ id: "abc" })).toBe(false);
    expect(parses({ total: "15,95" })).toBe(false);
    expect(parses({ total: 15.95 })).toBe(true);
    expect(parses({ status: "Overdue" })).toBe(false);
  });

  it("reads the result envelope of an error", () => {
    expect(whmcsEnvelopeSchema.parse({ result: "error", message: "Invoice ID Not Found" })).toEqual(
      {
        result: "error",
        message: "Invoice ID Not Found",
      },
    );
  });
});
