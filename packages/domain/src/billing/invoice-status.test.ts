import { describe, expect, it } from "vitest";
import { invoiceStatusSchema, isPayable, type InvoiceStatus } from "./invoice-status.js";

describe("isPayable", () => {
  it.each<[InvoiceStatus, boolean]>([
    ["unpaid", true],
    ["overdue", true],
    ["collections", true],
    ["paid", false],
    ["cancelled", false],
    ["refunded", false],
    ["draft", false],
    ["payment_pending", false],
  ])("%s → %s", (status, payable) => {
    expect(isPayable(status)).toBe(payable);
  });

  it("covers every status the schema knows", () => {
    const payable = invoiceStatusSchema.options.filter(isPayable);
    expect(payable).toEqual(["unpaid", "overdue", "collections"]);
  });
});
