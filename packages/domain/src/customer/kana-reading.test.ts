import { describe, expect, it } from "vitest";
import { firstNameKanaSchema, lastNameKanaSchema, toKatakanaReading } from "./kana-reading.js";

describe("toKatakanaReading", () => {
  it.each([
    ["ヤマダ", "ヤマダ"],
    ["やまだ", "ヤマダ"],
    ["ﾔﾏﾀﾞ", "ヤマダ"],
    ["ｺﾊﾞﾔｼ", "コバヤシ"],
    ["  ゆき  ", "ユキ"],
    ["ジョン　　スミス", "ジョン スミス"],
    ["ﾒｰﾙ･ｽﾐｽ", "メール・スミス"],
    ["いすゞ", "イスヾ"],
  ])("reads %j as %j", (input, expected) => {
    expect(toKatakanaReading(input)).toBe(expected);
  });
});

describe("kana reading schemas", () => {
  it.each(["ヤマダ", "やまだ", "ﾀﾛｳ", "ジョン・スミス", "ローラ", "ヴァン デル"])(
    "accept %j",
    (input) => {
      expect(lastNameKanaSchema.safeParse(input).success).toBe(true);
    },
  );

  it.each([
    ["山田", "in katakana"],
    ["Yamada", "in katakana"],
    ["ヤマダ1", "in katakana"],
    ["ヤマ-ダ", "in katakana"],
    ["ヤマダ\u0000", "in katakana"],
    ["", "Enter the reading"],
    ["   ", "Enter the reading"],
    ["ア".repeat(101), "too long"],
  ])("refuse %j, naming the field", (input, words) => {
    const family = lastNameKanaSchema.safeParse(input);
    expect(family.error?.issues[0]?.message).toContain(words);
    expect(family.error?.issues[0]?.message).toContain("family name");
    const given = firstNameKanaSchema.safeParse(input);
    expect(given.error?.issues[0]?.message).toContain("given name");
  });

  it("hands the normalised reading on", () => {
    expect(firstNameKanaSchema.parse(" ﾕｷ ")).toBe("ユキ");
  });
});
