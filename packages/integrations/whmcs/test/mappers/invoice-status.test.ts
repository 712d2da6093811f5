import { describe, expect, it } from "vitest";
import { toInvoiceStatus, toWhmcsStatusFilter } from "../../src/mappers/invoice-status.js";

describe("toInvoiceStatus", () => {
  it.each([
    ["Draft", "draft"],
    ["Unpaid", "unpaid"],
    ["Paid", "paid"],
    ["Cancelled", "cancelled"],
    ["Refunded", "refunded"],
    ["Collections", "collections"],
    ["Payment Pending", "payment_pending"],
  ] as const)("maps %s to %s before the due date", (whmcs, portal) => {
    expect(toInvoiceStatus(whmcs, "2026-11-30", "2026-11-21")).toBe(portal);
  });

  it("makes only Unpaid invoices overdue after the due date", () => {
    expect(toInvoiceStatus("Unpaid", "2026-11-20", "2026-11-21")).toBe("overdue");
    expect(toInvoiceStatus("Unpaid", "2026-11-21", "2026-11-21")).toBe("unpaid");
    expect(toInvoiceStatus("Collections", "2026-11-20", "2026-11-21")).toBe("collections");
    expect(toInvoiceStatus("Paid", "2026-11-20", "2026-11-21")).toBe("paid");
  });
});

describe("toWhmcsStatusFilter", () => {
  it.each([
    ["unpaid", "Unpaid"],
    ["overdue", "Overdue"],
    ["paid", "Paid"],
    ["cancelled", "Cancelled"],
    ["refunded", "Refunded"],
    ["collections", "Collections"],
    ["draft", "Draft"],
    ["payment_pending", "Payment Pending"],
  ] as const)("sends %s as %s", (portal, whmcs) => {
    expect(toWhmcsStatusFilter(portal)).toBe(whmcs);
  });
});
