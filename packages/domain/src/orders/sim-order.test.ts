import { describe, expect, it } from "vitest";
import { eidSchema } from "./sim-order.js";

describe("eidSchema", () => {
  it("accepts 32 digits, normalising full-width digits and spaces", () => {
    expect(eidSchema.parse("8904 9032 0000 0100 0000 0000 0000 0001")).toBe(
      "89049032000001000000000000000001",
    );
    expect(
      eidSchema.parse("８９０４９０３２０００００１０００００００００００００００００１"),
    ).toBe("89049032000001000000000000000001");
  });

  it.each(["8904903200000100000000000000000", "8904903200000100000000000000000A", ""])(
    "refuses %j",
    (value) => {
      expect(eidSchema.safeParse(value).success).toBe(false);
    },
  );
});
