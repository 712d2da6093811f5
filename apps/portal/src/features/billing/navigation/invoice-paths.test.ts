import { describe, expect, it } from "vitest";
import {
  invoiceListPath,
  invoicePath,
  parseInvoiceRouteId,
} from "@/features/billing/navigation/invoice-paths";

describe("invoice paths", () => {
  it("leaves the defaults out of the list path", () => {
    expect(invoiceListPath({ status: "all", page: 1 })).toBe("/billing/invoices");
    expect(invoiceListPath({ status: "unpaid", page: 2 })).toBe(
      "/billing/invoices?status=unpaid&page=2",
    );
  });

  it("carries the list position into an invoice's path", () => {
    expect(invoicePath(1001)).toBe("/billing/invoices/1001");
    expect(invoicePath(1001, { status: "all", page: 1 })).toBe("/billing/invoices/1001");
    expect(invoicePath(1001, { status: "overdue", page: 3 })).toBe(
      "/billing/invoices/1001?status=overdue&page=3",
    );
  });
});

describe("parseInvoiceRouteId", () => {
  it("reads a plain positive id", () => {
    expect(parseInvoiceRouteId("1001")).toBe(1001);
    expect(parseInvoiceRouteId("2147483647")).toBe(2_147_483_647);
  });

  it.each(["2147483648", "99999999999", "9999999999999999", "0", "-1", "1e3", "abc", ""])(
    "treats %j, which no invoice can have, as not found",
    (segment) => {
      expect(parseInvoiceRouteId(segment)).toBeNull();
    },
  );
});
