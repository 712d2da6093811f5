import { type InvoiceDetail } from "@portal/domain";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../../../test/support/pdf-text.js";
import { type InvoiceDocument } from "./invoice-document.js";
import { renderInvoicePdf, renderReceiptPdf } from "./invoice-pdf.renderer.js";

const yen = (amount: number) => ({ amount, currency: "JPY" });

/** An invoice with lines at 10 %, 8 % and 0 % — more than a WHMCS invoice can carry (decision 0025). */
const MIXED: InvoiceDetail = {
  id: 42,
  number: "INV-202611-42",
  issuedOn: "2026-11-01",
  dueOn: "2026-11-15",
  paidOn: "2026-11-03",
  status: "paid",
  subtotal: yen(7399),
  tax: yen(697),
  total: yen(8096),
  items: [
    { id: 1, description: "Fibre 1G Home", amount: yen(4800), taxed: true, taxRate: 10 },
    { id: 2, description: "Router rental", amount: yen(500), taxed: true, taxRate: 10 },
    { id: 3, description: "お米 5kg", amount: yen(1099), taxed: true, taxRate: 8 },
    { id: 4, description: "Deposit", amount: yen(1000), taxed: false, taxRate: 0 },
  ],
  balance: yen(0),
  payments: [],
  notes: "",
};

function documentFor(language: "ja" | "en", invoice = MIXED): InvoiceDocument {
  return {
    language,
    issuer: {
      name: "Aozora Net株式会社",
      registrationNumber: "T1234567890123",
      address: null,
      phone: null,
    },
    recipient: { familyName: "山田", givenName: "太郎" },
    invoice,
  };
}

describe("renderInvoicePdf", () => {
  it("prints each rate's total and its tax rounded once, and marks reduced-rate lines", async () => {
    const { text, pages } = await pdfText(await renderInvoicePdf(documentFor("ja")));

    expect(pages).toBe(1);
    for (const expected of [
      "適格請求書",
      "山田 太郎 様",
      "登録番号: T1234567890123",
      "2026年11月1日",
      "お米 5kg ※",
      "10%対象",
      "￥5,300",
      "消費税 ￥530",
      // 1,099 × 8 % = 87.92 → 87 (切り捨て).
      "8%対象",
      "￥1,099",
      "消費税 ￥87",
      "消費税対象外",
      "対象外",
      "￥7,399",
      "￥617",
      // 7,399 + 617.
      "￥8,016",
      "※ は軽減税率(8%)対象",
    ]) {
      expect(text).toContain(expected);
    }
    // No address or phone configured: no empty lines for them.
    expect(text).not.toContain("電話");
  });

  it("writes English labels, the given name first", async () => {
    const { text } = await pdfText(await renderInvoicePdf(documentFor("en")));

    for (const expected of [
      "Qualified invoice (適格請求書)",
      "太郎 山田",
      "Registration number: T1234567890123",
      "1 November 2026",
      "Subject to 8%",
      "Consumption tax ¥87",
      "Not taxable (total)",
      "※ Reduced tax rate (8%) item",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("continues a long item table on a second page", async () => {
    const items = Array.from({ length: 60 }, (_, index) => ({
      id: index + 1,
      description: `Line ${index + 1}`,
      amount: yen(100),
      taxed: true,
      taxRate: 10,
    }));

    const { text, pages } = await pdfText(
      await renderInvoicePdf(documentFor("ja", { ...MIXED, items })),
    );

    expect(pages).toBe(2);
    expect(text).toContain("Line 60");
    expect(text).toContain("消費税 ￥600");
  });
});

describe("renderReceiptPdf", () => {
  it("prints the amount received, the date received and the breakdown per rate", async () => {
    const { text } = await pdfText(await renderReceiptPdf(documentFor("ja")));

    for (const expected of [
      "領収書",
      "山田 太郎 様",
      "領収金額",
      "￥8,096",
      "2026年11月3日",
      "但し 請求書番号 INV-202611-42 のお支払いとして",
      "8%対象",
      "消費税 ￥87",
      "登録番号: T1234567890123",
    ]) {
      expect(text).toContain(expected);
    }
  });
});
