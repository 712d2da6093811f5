import { describe, expect, it } from "vitest";
import { phoneSchema, samePhoneNumber } from "./phone.js";

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

describe("samePhoneNumber", () => {
  it.each([
    ["080-3456-7890", "08034567890"],
    ["０８０－３４５６－７８９０", "080 3456 7890"],
    ["+81 80-3456-7890", "080-3456-7890"],
    ["+81 (0)80 3456 7890", "08034567890"],
    ["＋８１８０３４５６７８９０", "080-3456-7890"],
    ["0081-80-3456-7890", "080-3456-7890"],
    ["(03) 1234-5678", "03-1234-5678"],
  ])("matches %j with %j", (a, b) => {
    expect(samePhoneNumber(a, b)).toBe(true);
    expect(samePhoneNumber(b, a)).toBe(true);
  });

  it.each([
    ["080-3456-7890", "080-3456-7891"],
    ["080-3456-7890", "+1 80-3456-7890"],
    ["", ""],
    ["phone", "phone"],
  ])("tells %j from %j", (a, b) => {
    expect(samePhoneNumber(a, b)).toBe(false);
  });
});
