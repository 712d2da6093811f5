import { invoiceListPageSchema, type InvoiceSummary } from "@portal/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO } from "./support/demo-data.js";
import { pdfText } from "./support/pdf-text.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

/** The issuer the stack configures (config `INVOICE_ISSUER_*`). */
const ISSUER = {
  INVOICE_ISSUER_NAME: "Aozora Net株式会社",
  INVOICE_ISSUER_REGISTRATION_NUMBER: "T4010001234567",
  INVOICE_ISSUER_ADDRESS: "〒150-0002 東京都渋谷区渋谷2-1-1",
  INVOICE_ISSUER_PHONE: "0120-000-000",
} as const;

let stack: Stack;
let demo: PortalClient;
/** The demo's invoices newest first: [0] unpaid, [1] overdue, [2] paid, [5] cancelled. */
let invoices: InvoiceSummary[];

function invoiceAt(index: number): InvoiceSummary {
  const invoice = invoices[index];
  if (!invoice) {
    throw new Error(`The demo has no invoice #${index}`);
  }
  return invoice;
}

beforeAll(async () => {
  stack = await startStack(ISSUER);
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
  const list = await demo.get("/api/invoices?pageSize=100");
  invoices = invoiceListPageSchema.parse(list.json).items;
});

afterEach(async () => {
  await stack.control.clearFaults();
});

afterAll(async () => {
  await stack?.close();
});

/** Downloads `path` and checks it is a private PDF attachment named `filename`. */
async function download(path: string, filename: string) {
  const response = await demo.get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${filename}"`);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  expect(response.headers.get("content-length")).toBe(String(response.bytes.length));
  expect(Buffer.from(response.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  return { bytes: response.bytes, ...(await pdfText(response.bytes)) };
}

describe("GET /api/invoices/:id/pdf", () => {
  it("is a Japanese qualified invoice by default: issuer, T-number, dates, lines, tax per rate", async () => {
    const invoice = invoiceAt(0);

    const pdf = await download(`/api/invoices/${invoice.id}/pdf`, `invoice-${invoice.number}.pdf`);

    expect(pdf.pages).toBe(1);
    const [year, month, day] = invoice.issuedOn.split("-").map(Number);
    for (const expected of [
      "適格請求書",
      "Aozora Net株式会社",
      "登録番号: T4010001234567",
      ISSUER.INVOICE_ISSUER_ADDRESS,
      `電話: ${ISSUER.INVOICE_ISSUER_PHONE}`,
      "Yamada Taro 様",
      invoice.number,
      "請求日",
      "取引年月日",
      `${year}年${month}月${day}日`,
      "Fibre 1G Home",
      "Router rental",
      "￥4,800",
      "￥500",
      "10%対象",
      "￥5,300",
      "消費税 ￥530",
      "消費税合計",
      "￥5,830",
    ]) {
      expect(pdf.text).toContain(expected);
    }
    // Every line is taxed at 10 %: no reduced-rate mark, no untaxed total.
    expect(pdf.text).not.toContain("8%対象");
    expect(pdf.text).not.toContain("※");
    expect(pdf.text).not.toContain("消費税対象外");
  });

  it("speaks English with ?lang=en and keeps the Japanese name of the document", async () => {
    const invoice = invoiceAt(1);

    const pdf = await download(
      `/api/invoices/${invoice.id}/pdf?lang=en`,
      `invoice-${invoice.number}.pdf`,
    );

    for (const expected of [
      "Qualified invoice (適格請求書)",
      "Registration number: T4010001234567",
      "Taro Yamada",
      "Transaction date",
      "Subject to 10%",
      "¥5,300",
      "Consumption tax ¥530",
      "Total (incl. tax)",
      "¥5,830",
      "Router rental",
    ]) {
      expect(pdf.text).toContain(expected);
    }
    expect(pdf.text).not.toContain("様");
  });

  it("embeds a subset of the Japanese font, not the whole 4.5 MB face", async () => {
    const invoice = invoiceAt(0);

    const pdf = await download(`/api/invoices/${invoice.id}/pdf`, `invoice-${invoice.number}.pdf`);

    expect(pdf.bytes.length).toBeLessThan(200_000);
  });

  it("answers 404 for another customer's invoice and for an absent one, alike", async () => {
    const [foreign] = await stack.whmcs.invoicesOf(DEMO.otherWhmcsClientId);
    expect(foreign).toBeDefined();

    const response = await demo.get(`/api/invoices/${foreign?.id ?? 0}/pdf`);
    const absent = await demo.get("/api/invoices/999999/pdf");

    const error = expectApiError(response, 404, "NOT_FOUND");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(expectApiError(absent, 404, "NOT_FOUND").message).toBe(error.message);
  });

  it("answers 400 naming lang for a language it does not write", async () => {
    const response = await demo.get(`/api/invoices/${invoiceAt(0).id}/pdf?lang=fr`);

    const error = expectApiError(response, 400, "VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {})).toEqual(["lang"]);
  });

  it("answers 401 without a session", async () => {
    expectApiError(
      await stack.newClient().get(`/api/invoices/${invoiceAt(0).id}/pdf`),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("answers 503 while WHMCS is down, with no PDF", async () => {
    // The cancelled invoice has not been read (nor cached) by any earlier test.
    await stack.control.fault({ system: "whmcs", match: "GetInvoice", kind: "http5xx" });

    const response = await demo.get(`/api/invoices/${invoiceAt(5).id}/pdf`);

    expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(response.headers.get("content-type")).not.toBe("application/pdf");
  });
});

describe("GET /api/invoices/:id/receipt", () => {
  it("is a receipt for a paid invoice: amount received, date received, T-number, tax per rate", async () => {
    const invoice = invoiceAt(2);
    expect(invoice.status).toBe("paid");
    const [year, month, day] = (invoice.paidOn ?? "").split("-").map(Number);

    const pdf = await download(
      `/api/invoices/${invoice.id}/receipt`,
      `receipt-${invoice.number}.pdf`,
    );

    for (const expected of [
      "領収書",
      "Yamada Taro 様",
      "領収金額",
      "￥5,830",
      "領収日",
      `${year}年${month}月${day}日`,
      `但し 請求書番号 ${invoice.number} のお支払いとして`,
      "10%対象",
      "消費税 ￥530",
      "Aozora Net株式会社",
      "登録番号: T4010001234567",
    ]) {
      expect(pdf.text).toContain(expected);
    }
  });

  it("writes the receipt in English with ?lang=en", async () => {
    const invoice = invoiceAt(3);

    const pdf = await download(
      `/api/invoices/${invoice.id}/receipt?lang=en`,
      `receipt-${invoice.number}.pdf`,
    );

    for (const expected of [
      "Receipt (領収書)",
      "Amount received",
      `In payment of invoice ${invoice.number}`,
      "Registration number: T4010001234567",
    ]) {
      expect(pdf.text).toContain(expected);
    }
  });

  it.each([
    ["unpaid", 0],
    ["overdue", 1],
  ])("answers 409 INVOICE_NOT_PAID for an %s invoice", async (status, index) => {
    const invoice = invoiceAt(index);
    expect(invoice.status).toBe(status);

    const response = await demo.get(`/api/invoices/${invoice.id}/receipt`);

    expect(expectApiError(response, 409, "INVOICE_NOT_PAID").message).toMatch(/paid/);
  });

  it("answers 404 for another customer's invoice", async () => {
    const foreign = (await stack.whmcs.invoicesOf(DEMO.otherWhmcsClientId))[0];

    expectApiError(await demo.get(`/api/invoices/${foreign?.id ?? 0}/receipt`), 404, "NOT_FOUND");
  });
});
