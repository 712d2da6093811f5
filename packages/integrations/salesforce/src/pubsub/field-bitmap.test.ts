import { describe, expect, it } from "vitest";
import { decodeFieldBitmaps } from "./field-bitmap.js";

const ORDER_SCHEMA = {
  names: [
    "ChangeEventHeader",
    "Status",
    "Activation_Status__c",
    "LastModifiedDate",
    "BillingAddress",
  ],
  nested: new Map([[4, ["Street", "City", "PostalCode"]]]),
};

describe("decodeFieldBitmaps", () => {
  it("names the top-level fields whose bits are set (bit i = field i)", () => {
    expect(decodeFieldBitmaps(["0x2"], ORDER_SCHEMA)).toEqual(["Status"]);
    expect(decodeFieldBitmaps(["0xC"], ORDER_SCHEMA)).toEqual([
      "Activation_Status__c",
      "LastModifiedDate",
    ]);
    expect(decodeFieldBitmaps([], ORDER_SCHEMA)).toEqual([]);
  });

  it("names compound sub-fields as Parent.Child from <pos>-0x… elements", () => {
    expect(decodeFieldBitmaps(["0x10", "4-0x6"], ORDER_SCHEMA)).toEqual([
      "BillingAddress",
      "BillingAddress.City",
      "BillingAddress.PostalCode",
    ]);
  });

  it("keeps names that are not bitmaps and ignores bits beyond the schema", () => {
    expect(decodeFieldBitmaps(["Status", "0x102"], ORDER_SCHEMA)).toEqual(["Status", "Status"]);
  });
});
