import { describe, expect, it } from "vitest";
import { toHalfWidth } from "./half-width.js";

describe("toHalfWidth", () => {
  it.each([
    ["１２３４５６", "123456"],
    ["０９０－１２３４－５６７８", "090-1234-5678"],
    ["０９０ー１２３４ー５６７８", "090-1234-5678"],
    ["＋８１　９０（１２３４）５６７８", "+81 90(1234)5678"],
    ["150‐0001", "150-0001"],
    ["150−0001", "150-0001"],
    ["150ｰ0001", "150-0001"],
    ["090-1234-5678", "090-1234-5678"],
  ])("normalises %j to %j", (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  it("keeps letters, so validation can still reject them", () => {
    expect(toHalfWidth("ＡＢＣ１")).toBe("ABC1");
    expect(toHalfWidth("abc")).toBe("abc");
  });
});
