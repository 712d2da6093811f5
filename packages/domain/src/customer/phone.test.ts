import { describe, expect, it } from "vitest";
import { phoneSchema } from "./phone.js";

describe("phoneSchema", () => {
  it.each([
    ["090-1234-5678", "090-1234-5678"],
    ["０９０－１２３４－５６７８", "090-1234-5678"],
    ["０９０ー１２３４ー５６７８", "090-1234-5678"],
    ["＋８１　９０　１２３４　５６７８", "+81 90 1234 5678"],
    ["（０３）１２３４－５６７８", "(03)1234-5678"],
  ])("accepts %j as %j", (input, expected) => {
    expect(phoneSchema.parse(input)).toBe(expected);
  });

  it.each(["", "090-1234", "０９０－ＡＢＣＤ－５６７８", "1234567890123456"])(
    "rejects %j",
    (input) => {
      expect(phoneSchema.safeParse(input).success).toBe(false);
    },
  );
});
