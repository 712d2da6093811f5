import { describe, expect, it } from "vitest";
import { addressSchema } from "../customer/address.js";
import { sameAddress } from "../customer/same-address.js";
import { eligibilityRequestSchema, eligibilitySchema } from "./eligibility.js";

const address = {
  postcode: "１５０ー０００１",
  prefecture: "Tokyo",
  city: "渋谷区",
  street: "神宮前1-2-3",
};

describe("eligibilityRequestSchema", () => {
  it("takes no address (the one on file) or a Japanese address, normalised", () => {
    expect(eligibilityRequestSchema.parse({})).toEqual({});
    expect(eligibilityRequestSchema.parse({ address }).address).toEqual({
      ...address,
      postcode: "150-0001",
      building: "",
      country: "JP",
    });
  });

  it("names the field of a bad address and refuses unknown fields", () => {
    const bad = eligibilityRequestSchema.safeParse({ address: { ...address, postcode: "15-01" } });
    expect(bad.error?.issues.map((issue) => issue.path.join("."))).toEqual(["address.postcode"]);
    expect(
      eligibilityRequestSchema.safeParse({ address, offeringType: "mansion_1g" }).success,
    ).toBe(false);
  });
});

describe("eligibilitySchema", () => {
  it("carries a status in plain terms and an offering type of the one list", () => {
    expect(
      eligibilitySchema.safeParse({
        status: "eligible",
        offeringType: "home_10g",
        requestedAddress: null,
        requestedAt: null,
      }).success,
    ).toBe(true);
    expect(
      eligibilitySchema.safeParse({
        status: "Eligible",
        offeringType: "Home 10G",
        requestedAddress: null,
        requestedAt: null,
      }).success,
    ).toBe(false);
  });
});

describe("sameAddress", () => {
  const parsed = addressSchema.parse(address);

  it("matches an address typed with full-width digits and one typed half-width", () => {
    expect(sameAddress(parsed, addressSchema.parse({ ...address, postcode: "1500001" }))).toBe(
      true,
    );
  });

  it("tells apart addresses that differ in any part", () => {
    expect(sameAddress(parsed, { ...parsed, building: "101" })).toBe(false);
    expect(sameAddress(parsed, { ...parsed, street: "神宮前1-2-4" })).toBe(false);
    expect(sameAddress(parsed, { ...parsed, prefecture: "Osaka" })).toBe(false);
  });
});
