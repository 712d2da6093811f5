// @vitest-environment jsdom
import { type InvoiceDetail as InvoiceDetailData } from "@portal/domain";
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { invoiceKeys } from "@/features/billing/api/invoice-keys";
import { InvoiceDetail } from "@/features/billing/components/invoice-detail";
import { invoiceDetail } from "@/test/invoice-fixtures";
import { renderInPortal } from "@/test/render-in-portal";

vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(),
  notFound: () => {
    throw new Error("not found");
  },
}));

function renderInvoice(invoice: InvoiceDetailData, locale: "ja" | "en" = "en") {
  return renderInPortal(<InvoiceDetail id={invoice.id} />, {
    locale,
    seed: (client) => client.setQueryData(invoiceKeys.detail(invoice.id), invoice),
  });
}

describe("InvoiceDetail amounts", () => {
  it("asks for the balance of an unpaid invoice", () => {
    renderInvoice(invoiceDetail(7, "unpaid"));
    expect(screen.getByText("Balance due")).toBeDefined();
  });

  it("calls the balance of a past-due invoice overdue", () => {
    renderInvoice(invoiceDetail(7, "overdue"));
    expect(screen.getByText("Overdue amount")).toBeDefined();
    expect(screen.queryByText("Balance due")).toBeNull();
  });

  it.each([
    ["cancelled", "This invoice was cancelled. Nothing is owed."],
    ["refunded", "This invoice was refunded. Nothing is owed."],
  ] as const)(
    "shows no balance due on a %s invoice, even when WHMCS still stores one",
    (status, note) => {
      renderInvoice(invoiceDetail(7, status, { balance: { amount: 5830, currency: "JPY" } }));
      expect(screen.queryByText("Balance due")).toBeNull();
      expect(screen.getByText(note)).toBeDefined();
      expect(screen.queryByRole("button", { name: /pay/i })).toBeNull();
    },
  );

  it("shows no balance due on a cancelled invoice in Japanese either", () => {
    renderInvoice(invoiceDetail(7, "cancelled"), "ja");
    expect(screen.queryByText("未払い残高")).toBeNull();
    expect(screen.getByText(/このご請求は取り消されました/)).toBeDefined();
  });

  it("says a paid invoice is paid in full", () => {
    renderInvoice(invoiceDetail(7, "paid"));
    expect(screen.getByText("Paid in full")).toBeDefined();
    expect(screen.queryByText("Balance due")).toBeNull();
  });
});

describe("InvoiceDetail payments", () => {
  it.each([
    ["en", "Credit card"],
    ["ja", "クレジットカード"],
  ] as const)("names the payment method in %s, never by its id", (locale, name) => {
    renderInvoice(invoiceDetail(7, "paid"), locale);
    expect(screen.getAllByText(name).length).toBeGreaterThan(0);
    expect(screen.queryByText("card")).toBeNull();
  });
});
