import { describe, expect, it } from "vitest";
import { invoiceParamsSchema } from "./invoice-id.js";

describe("invoiceParamsSchema", () => {
  it("parses a plain positive id to a number", () => {
    expect(invoiceParamsSchema.parse({ id: "1001" })).toEqual({ id: 1001 });
  });

  it.each(["0", "-1", "1.5", "1e3", "abc", "", "01", "99999999999"])("refuses %j", (id) => {
    const result = invoiceParamsSchema.safeParse({ id });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["id"]);
  });
});
