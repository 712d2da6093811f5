import { describe, expect, it } from "vitest";
import { catalogCategoryPath, checkoutPath } from "@/features/catalog/navigation/catalog-paths";

describe("catalog paths", () => {
  it("links a category and a plan's checkout by its price book entry id", () => {
    expect(catalogCategoryPath("sim")).toBe("/catalog/sim");
    expect(checkoutPath({ id: "01uDEMO00000040AAA" })).toBe("/checkout?plan=01uDEMO00000040AAA");
  });
});
