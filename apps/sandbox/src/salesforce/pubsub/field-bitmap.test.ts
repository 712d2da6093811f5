import { describe, expect, it } from "vitest";
import { encodeFieldBitmap, type FieldPosition } from "./field-bitmap.js";

const POSITIONS = new Map<string, FieldPosition>([
  ["Status", { position: 1 }],
  ["Activation_Status__c", { position: 2 }],
  ["LastModifiedDate", { position: 3 }],
  ["BillingStreet", { position: 4, component: 0 }],
  ["BillingCity", { position: 4, component: 1 }],
  ["ShippingPostalCode", { position: 7, component: 3 }],
]);

describe("encodeFieldBitmap", () => {
  it("sets bit i for the field at schema position i (vendor-facts §2.3 examples)", () => {
    expect(encodeFieldBitmap(POSITIONS, ["Status"])).toEqual(["0x2"]);
    expect(encodeFieldBitmap(POSITIONS, ["LastModifiedDate", "Activation_Status__c"])).toEqual([
      "0xC",
    ]);
  });

  it("encodes no names as an empty list and leaves out names the schema lacks", () => {
    expect(encodeFieldBitmap(POSITIONS, [])).toEqual([]);
    expect(encodeFieldBitmap(POSITIONS, ["Unknown__c", "Status"])).toEqual(["0x2"]);
  });

  it("encodes compound components as '<position>-0x…' after the top-level bitmap, in position order", () => {
    expect(
      encodeFieldBitmap(POSITIONS, [
        "ShippingPostalCode",
        "LastModifiedDate",
        "BillingCity",
        "BillingStreet",
      ]),
    ).toEqual(["0x8", "4-0x3", "7-0x8"]);
    expect(encodeFieldBitmap(POSITIONS, ["BillingCity"])).toEqual(["0x0", "4-0x2"]);
  });

  it("reaches positions beyond 32 bits", () => {
    const many = new Map(
      Array.from({ length: 70 }, (_, index) => [`F${index}`, { position: index }] as const),
    );
    expect(encodeFieldBitmap(many, ["F0", "F69"])).toEqual([
      `0x${(1n | (1n << 69n)).toString(16).toUpperCase()}`,
    ]);
  });
});
