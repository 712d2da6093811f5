import { describe, expect, it } from "vitest";
import { cacheKeys, cacheNamespaceOf } from "./cache-keys.js";

describe("cacheNamespaceOf", () => {
  it("names the namespace of every key family, without ids", () => {
    const query = { status: "all", page: 1, pageSize: 10 } as const;
    expect(
      [
        cacheKeys.invoiceList(7, query),
        cacheKeys.invoiceDetail(7, 1001),
        cacheKeys.invoices(7),
        cacheKeys.billingProfile(7),
        cacheKeys.paymentMethods(7),
        cacheKeys.billingClient(7),
        cacheKeys.customerNumber("100001"),
        cacheKeys.identity("7d1d5e0e-4a0c-4c3a-9b1e-2f0a6c1d9e11"),
        "something-new:1",
      ].map(cacheNamespaceOf),
    ).toEqual([
      "invoices",
      "invoices",
      "invoices",
      "billing-profile",
      "payment-methods",
      "billing-client",
      "customer-number",
      "identity",
      "other",
    ]);
  });
});
