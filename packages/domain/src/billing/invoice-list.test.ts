import { describe, expect, it } from "vitest";
import { invoiceListQuerySchema } from "./invoice-list.js";

describe("invoiceListQuerySchema", () => {
  it("defaults to every status, page 1 of 10", () => {
    expect(invoiceListQuerySchema.parse({})).toEqual({ status: "all", page: 1, pageSize: 10 });
  });

  it("coerces the query-string numbers", () => {
    expect(invoiceListQuerySchema.parse({ status: "overdue", page: "3", pageSize: "5" })).toEqual({
      status: "overdue",
      page: 3,
      pageSize: 5,
    });
  });

  it("accepts the page-size bounds 1 and 100", () => {
    expect(invoiceListQuerySchema.parse({ pageSize: "1" }).pageSize).toBe(1);
    expect(invoiceListQuerySchema.parse({ pageSize: "100" }).pageSize).toBe(100);
  });

  it("names each out-of-range field", () => {
    const result = invoiceListQuerySchema.safeParse({ pageSize: "1000", page: "0" });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["pageSize", "Page size must be between 1 and 100"],
        ["page", "Page must be 1 or more"],
      ]),
    );
  });

  it("lists the allowed statuses when the status is unknown", () => {
    const result = invoiceListQuerySchema.safeParse({ status: "bogus" });
    expect(result.error?.issues[0]?.path).toEqual(["status"]);
    expect(result.error?.issues[0]?.message).toMatch(
      /^Status must be one of: all, paid, unpaid, overdue/,
    );
  });
});
