import { describe, expect, it } from "vitest";
import { encodeFieldBitmap } from "./field-bitmap.js";

const FIELDS = ["ChangeEventHeader", "Status", "Activation_Status__c", "LastModifiedDate"];

describe("encodeFieldBitmap", () => {
  it("sets bit i for the field at schema position i (vendor-facts §2.3 examples)", () => {
    expect(encodeFieldBitmap(FIELDS, ["Status"])).toEqual(["0x2"]);
    expect(encodeFieldBitmap(FIELDS, ["LastModifiedDate", "Activation_Status__c"])).toEqual([
      "0xC",
    ]);
  });

  it("encodes no names as an empty list and leaves out names the schema lacks", () => {
    expect(encodeFieldBitmap(FIELDS, [])).toEqual([]);
    expect(encodeFieldBitmap(FIELDS, ["Unknown__c", "Status"])).toEqual(["0x2"]);
  });

  it("reaches positions beyond 32 bits", () => {
    const many = Array.from({ length: 70 }, (_, index) => `F${index}`);
    expect(encodeFieldBitmap(many, ["F0", "F69"])).toEqual([
      `0x${(1n | (1n << 69n)).toString(16).toUpperCase()}`,
    ]);
  });
});
