import { describe, expect, it } from "vitest";
import { toRawAccountBillingAddress } from "./account-billing-address.js";

const address = {
  postcode: "150-0001",
  prefecture: "Tokyo",
  city: "渋谷区",
  street: "神宮前1-2-3",
  building: "神宮前ハイツ101",
  country: "JP",
} as const;

describe("toRawAccountBillingAddress", () => {
  it("puts the building on the second line of BillingStreet", () => {
    expect(toRawAccountBillingAddress(address)).toEqual({
      BillingPostalCode: "150-0001",
      BillingState: "Tokyo",
      BillingCity: "渋谷区",
      BillingStreet: "神宮前1-2-3\n神宮前ハイツ101",
      BillingCountry: "JP",
    });
  });

  it("writes the street alone when there is no building", () => {
    expect(toRawAccountBillingAddress({ ...address, building: "" }).BillingStreet).toBe(
      "神宮前1-2-3",
    );
  });
});
