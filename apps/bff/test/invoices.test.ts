import {
  invoiceDetailSchema,
  invoiceListPageSchema,
  ssoLinkSchema,
  type InvoiceDetail,
  type InvoiceListPage,
  type InvoiceSummary,
} from "@portal/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { HttpSession } from "./support/http-session.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;
let demo: PortalClient;
/** Every demo invoice, newest first, as the BFF listed them before any test paid one. */
let all: InvoiceSummary[];

async function listPage(client: PortalClient, query = ""): Promise<InvoiceListPage> {
  const response = await client.get(`/api/invoices${query}`);
  expect(response.status).toBe(200);
  return invoiceListPageSchema.parse(response.json);
}

async function detail(client: PortalClient, id: number): Promise<InvoiceDetail> {
  const response = await client.get(`/api/invoices/${id}`);
  expect(response.status).toBe(200);
  return invoiceDetailSchema.parse(response.json);
}

function invoiceAt(index: number): InvoiceSummary {
  const invoice = all[index];
  if (!invoice) {
    throw new Error(`The demo has no invoice #${index}`);
  }
  return invoice;
}

beforeAll(async () => {
  stack = await startStack();
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
  all = (await listPage(demo, "?pageSize=100")).items;
});

afterAll(async () => {
  await stack?.close();
});

describe("GET /api/invoices", () => {
  it("lists the demo's 14 invoices newest first, in integer yen", async () => {
    const page = await listPage(demo, "?pageSize=100");

    expect(page).toMatchObject({
      page: 1,
      pageSize: 100,
      totalItems: DEMO.invoiceCount,
      totalPages: 1,
    });
    expect(page.items).toHaveLength(DEMO.invoiceCount);
    const issued = page.items.map((invoice) => invoice.issuedOn);
    expect(issued).toEqual([...issued].sort().reverse());
    for (const invoice of page.items) {
      expect(invoice.total).toEqual(DEMO.invoiceTotal);
      expect(invoice.subtotal).toEqual(DEMO.invoiceSubtotal);
      expect(invoice.tax).toEqual(DEMO.invoiceTax);
      expect(invoice.number).toMatch(new RegExp(`^INV-\\d{6}-${invoice.id}$`));
    }
  });

  it("reads WHMCS statuses as the seed sets them: newest unpaid, then overdue, sixth cancelled", () => {
    expect(all.map((invoice) => invoice.status)).toEqual([
      "unpaid",
      "overdue",
      "paid",
      "paid",
      "paid",
      "cancelled",
      ...Array<string>(8).fill("paid"),
    ]);
    expect(invoiceAt(0).paidOn).toBeNull();
    expect(invoiceAt(2).paidOn).not.toBeNull();
  });

  it("pages 10 at a time by default", async () => {
    const page = await listPage(demo);

    expect(page).toMatchObject({ page: 1, pageSize: 10, totalItems: 14, totalPages: 2 });
    expect(page.items.map((invoice) => invoice.id)).toEqual(
      all.slice(0, 10).map((invoice) => invoice.id),
    );
  });

  it("filters by status", async () => {
    const overdue = await listPage(demo, "?status=overdue");
    const unpaid = await listPage(demo, "?status=unpaid");
    const paid = await listPage(demo, "?status=paid");
    const cancelled = await listPage(demo, "?status=cancelled");

    expect(overdue.totalItems).toBe(1);
    expect(overdue.items.map((invoice) => [invoice.id, invoice.status])).toEqual([
      [invoiceAt(1).id, "overdue"],
    ]);
    expect(unpaid.items.map((invoice) => invoice.status)).toEqual(["unpaid", "overdue"]);
    expect(paid.totalItems).toBe(11);
    expect(paid.items.every((invoice) => invoice.status === "paid")).toBe(true);
    expect(cancelled.items.map((invoice) => invoice.id)).toEqual([invoiceAt(5).id]);
  });

  it("pages 5 at a time into 3 pages, the last with 4 invoices", async () => {
    const pages = [
      await listPage(demo, "?pageSize=5&page=1"),
      await listPage(demo, "?pageSize=5&page=2"),
      await listPage(demo, "?pageSize=5&page=3"),
    ];

    expect(pages.map((page) => [page.page, page.totalPages, page.items.length])).toEqual([
      [1, 3, 5],
      [2, 3, 5],
      [3, 3, 4],
    ]);
    expect(pages.flatMap((page) => page.items.map((invoice) => invoice.id))).toEqual(
      all.map((invoice) => invoice.id),
    );
  });

  it.each([
    ["?pageSize=1000", "pageSize"],
    ["?pageSize=0", "pageSize"],
    ["?page=0", "page"],
    ["?page=abc", "page"],
    ["?status=bogus", "status"],
  ])("answers 400 naming the field for %s", async (query, field) => {
    const error = expectApiError(await demo.get(`/api/invoices${query}`), 400, "VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {})).toContain(field);
  });

  it("answers 401 without a session", async () => {
    expectApiError(await stack.newClient().get("/api/invoices"), 401, "UNAUTHENTICATED");
  });
});

describe("GET /api/invoices/:id", () => {
  it("shows the lines, subtotal, tax, total and balance of an unpaid invoice", async () => {
    const invoice = await detail(demo, invoiceAt(0).id);

    expect(invoice).toMatchObject({
      id: invoiceAt(0).id,
      number: invoiceAt(0).number,
      status: "unpaid",
      subtotal: DEMO.invoiceSubtotal,
      tax: DEMO.invoiceTax,
      total: DEMO.invoiceTotal,
      balance: DEMO.invoiceTotal,
      paidOn: null,
      payments: [],
    });
    expect(invoice.items.map((item) => [item.description, item.amount])).toEqual([
      ["Fibre 1G Home", { amount: 4800, currency: "JPY" }],
      ["Router rental", { amount: 500, currency: "JPY" }],
    ]);
  });

  it("shows a paid invoice with nothing left to pay", async () => {
    const invoice = await detail(demo, invoiceAt(2).id);

    expect(invoice.status).toBe("paid");
    expect(invoice.balance).toEqual({ amount: 0, currency: "JPY" });
    expect(invoice.paidOn).not.toBeNull();
  });

  it("names how each payment was made, never the WHMCS gateway module id", async () => {
    const invoice = await detail(demo, invoiceAt(2).id);

    // The sandbox records card payments through WHMCS's `stripe` gateway module.
    expect(invoice.payments.map((payment) => payment.method)).toEqual(["card"]);
    expect(JSON.stringify(invoice.payments)).not.toContain("stripe");
  });

  it("answers 404 for another customer's invoice, without a trace of it", async () => {
    const [foreign] = await stack.whmcs.invoicesOf(DEMO.otherWhmcsClientId);
    expect(foreign).toBeDefined();
    const foreignId = foreign?.id ?? 0;
    const raw = await stack.whmcs.call("GetInvoice", { invoiceid: String(foreignId) });

    const response = await demo.get(`/api/invoices/${foreignId}`);
    const absent = await demo.get("/api/invoices/999999");

    const error = expectApiError(response, 404, "NOT_FOUND");
    expect(response.text).not.toContain(String(raw.invoicenum));
    expect(response.text).not.toContain("other@example.com");
    expect(response.text).not.toMatch(/total|items|userid/i);
    const absentError = expectApiError(absent, 404, "NOT_FOUND");
    expect(absentError.message).toBe(error.message);
  });

  it.each(["abc", "0", "-1", "1.5"])("answers 400 for id %j", async (id) => {
    expectApiError(await demo.get(`/api/invoices/${id}`), 400, "VALIDATION_FAILED");
  });

  it("answers 401 without a session", async () => {
    expectApiError(
      await stack.newClient().get(`/api/invoices/${invoiceAt(0).id}`),
      401,
      "UNAUTHENTICATED",
    );
  });
});

describe("POST /api/invoices/:id/sso-link", () => {
  it("answers 409 CONFLICT for an invoice that is already paid", async () => {
    expectApiError(await demo.post(`/api/invoices/${invoiceAt(2).id}/sso-link`), 409, "CONFLICT");
  });

  it("answers 404 for another customer's invoice", async () => {
    const [foreign] = await stack.whmcs.invoicesOf(DEMO.otherWhmcsClientId);
    expectApiError(await demo.post(`/api/invoices/${foreign?.id ?? 0}/sso-link`), 404, "NOT_FOUND");
  });

  it("answers 401 without a session", async () => {
    expectApiError(
      await stack.newClient().post(`/api/invoices/${invoiceAt(0).id}/sso-link`),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("gives a one-time WHMCS link whose invoice page pays the invoice", async () => {
    const target = invoiceAt(1);
    const response = await demo.post(`/api/invoices/${target.id}/sso-link`);
    expect(response.status).toBe(200);
    const link = ssoLinkSchema.parse(response.json);
    expect(link.url.startsWith(`${stack.sandbox.url}/whmcs/`)).toBe(true);

    const browser = new HttpSession(link.url);
    const page = await followRedirects(browser, link.url);
    const pageUrl = new URL(page.url);
    expect(pageUrl.pathname).toBe("/whmcs/viewinvoice.php");
    expect(pageUrl.searchParams.get("id")).toBe(String(target.id));
    expect(page.html).toMatch(/pay now/i);
    const form = payForm(page.html, page.url);
    const paid = await browser.request("POST", form.action, {
      rawBody: new URLSearchParams(form.fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(paid.status).toBe(200);
    expect(paid.text).toMatch(/payment received/i);

    const after = await eventually(
      () => detail(demo, target.id),
      (invoice) => invoice.status === "paid",
    );
    expect(after.balance).toEqual({ amount: 0, currency: "JPY" });
  });
});

describe("cache", () => {
  it("serves repeated reads from the cache and drops it when the WHMCS webhook reports a payment", async () => {
    const target = invoiceAt(0);
    await listPage(demo);
    expect((await detail(demo, target.id)).status).toBe("unpaid");
    await stack.control.resetCalls();

    await listPage(demo);
    await detail(demo, target.id);
    const cached = (await stack.control.calls()).whmcs;
    expect({ GetInvoices: cached.GetInvoices ?? 0, GetInvoice: cached.GetInvoice ?? 0 }).toEqual({
      GetInvoices: 0,
      GetInvoice: 0,
    });

    await stack.control.payInvoice(target.id);
    const paid = await eventually(
      () => detail(demo, target.id),
      (invoice) => invoice.status === "paid",
    );
    const list = await listPage(demo);

    expect(paid.paidOn).not.toBeNull();
    expect(list.items.find((invoice) => invoice.id === target.id)?.status).toBe("paid");
    const refetched = (await stack.control.calls()).whmcs;
    expect(refetched.GetInvoice ?? 0).toBeGreaterThanOrEqual(1);
    expect(refetched.GetInvoices ?? 0).toBeGreaterThanOrEqual(1);
  });

  it("coalesces ten concurrent cold reads of one list into one WHMCS call", async () => {
    const client = stack.newClient();
    expect((await client.signup(signupBody(UNREGISTERED.kenji))).status).toBe(201);
    await stack.control.resetCalls();

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => client.get("/api/invoices")),
    );

    expect(responses.map((response) => response.status)).toEqual(Array<number>(10).fill(200));
    for (const response of responses) {
      expect(invoiceListPageSchema.parse(response.json).totalItems).toBe(0);
    }
    expect(await stack.control.whmcsCalls("GetInvoices")).toBe(1);
  });
});

/** Follows 3xx answers by hand (keeping the sandbox's session cookie) until a page answers. */
async function followRedirects(
  browser: HttpSession,
  start: string,
): Promise<{ url: string; html: string }> {
  let url = start;
  for (let hop = 0; hop < 5; hop += 1) {
    const response = await browser.request("GET", url);
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).toString();
      continue;
    }
    expect(response.status).toBe(200);
    return { url, html: response.text };
  }
  throw new Error(`Too many redirects from ${start}`);
}

/** The first POST form of `html`: its absolute action URL and its named inputs. */
function payForm(
  html: string,
  pageUrl: string,
): { action: string; fields: Record<string, string> } {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) {
    throw new Error("The invoice page has no form");
  }
  const [, attributes = "", inner = ""] = form;
  const action = /\baction=["']([^"']*)["']/i.exec(attributes)?.[1] ?? "";
  const fields: Record<string, string> = {};
  for (const input of inner.matchAll(/<(?:input|button)\b[^>]*>/gi)) {
    const name = /\bname=["']([^"']+)["']/i.exec(input[0])?.[1];
    if (name) {
      fields[name] = /\bvalue=["']([^"']*)["']/i.exec(input[0])?.[1] ?? "";
    }
  }
  return { action: new URL(action.replace(/&amp;/g, "&") || pageUrl, pageUrl).toString(), fields };
}
