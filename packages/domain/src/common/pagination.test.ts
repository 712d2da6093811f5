import { describe, expect, it } from "vitest";
import { pageCount, pageQuerySchema } from "./pagination.js";

describe("pageCount", () => {
  it.each([
    [14, 5, 3],
    [15, 5, 3],
    [16, 5, 4],
    [10, 10, 1],
    [1, 100, 1],
    [0, 10, 0],
  ])("%i items at %i per page → %i pages", (totalItems, pageSize, pages) => {
    expect(pageCount(totalItems, pageSize)).toBe(pages);
  });
});

describe("pageQuerySchema", () => {
  it("defaults to the first page of 10", () => {
    expect(pageQuerySchema.parse({})).toEqual({ page: 1, pageSize: 10 });
  });

  it("coerces query-string values", () => {
    expect(pageQuerySchema.parse({ page: "3", pageSize: "25" })).toEqual({ page: 3, pageSize: 25 });
  });

  it.each([
    [{ page: "0" }, "page"],
    [{ page: "1.5" }, "page"],
    [{ page: "x" }, "page"],
    [{ pageSize: "0" }, "pageSize"],
    [{ pageSize: "101" }, "pageSize"],
  ])("rejects %j naming %s", (input, field) => {
    const result = pageQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });
});
