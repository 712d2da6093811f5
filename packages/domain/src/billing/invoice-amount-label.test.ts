import { describe, expect, it } from "vitest";
import {
  invoiceBalanceLabel,
  isPastDue,
  type InvoiceBalanceLabel,
} from "./invoice-amount-label.js";
import { invoiceStatusSchema, isPayable, type InvoiceStatus } from "./invoice-status.js";

describe("invoiceBalanceLabel", () => {
  it.each<[InvoiceStatus, InvoiceBalanceLabel | null]>([
    ["unpaid", "due"],
    ["overdue", "overdue"],
    ["collections", "collections"],
    ["payment_pending", "pending"],
    ["paid", "paid"],
    ["cancelled", null],
    ["refunded", null],
    ["draft", null],
  ])("%s → %s", (status, label) => {
    expect(invoiceBalanceLabel(status)).toBe(label);
  });

  it("never calls the amount of a cancelled or refunded invoice a balance due", () => {
    for (const status of ["cancelled", "refunded"] as const) {
      expect(invoiceBalanceLabel(status)).toBeNull();
    }
  });

  it("gives every payable status a label that asks for payment", () => {
    const payable = invoiceStatusSchema.options.filter(isPayable);
    expect(payable.map(invoiceBalanceLabel)).toEqual(["due", "overdue", "collections"]);
  });
});

describe("isPastDue", () => {
  it("holds for overdue and collections only", () => {
    expect(invoiceStatusSchema.options.filter(isPastDue)).toEqual(["overdue", "collections"]);
  });
});
