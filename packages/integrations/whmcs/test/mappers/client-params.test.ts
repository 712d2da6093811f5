import { addressSchema, type NewBillingClient } from "@portal/domain";
import { describe, expect, it } from "vitest";
import { toAddClientParams, toUpdateClientParams } from "../../src/mappers/client-params.js";

const address = addressSchema.parse({
  postcode: "150-0002",
  prefecture: "Tokyo",
  city: "Shibuya-ku",
  street: "1-2-3 Shibuya",
  building: "",
});

const signup: NewBillingClient = {
  email: "hanako@example.com",
  firstName: "Hanako",
  lastName: "Suzuki",
  phone: "090-1234-5678",
  address,
  customerNumber: "100002",
};

describe("toAddClientParams", () => {
  it("sends the AddClient fields of the reference, country JP, no email, no validation", () => {
    expect(toAddClientParams(signup, "random-secret")).toEqual({
      firstname: "Hanako",
      lastname: "Suzuki",
      email: "hanako@example.com",
      phonenumber: "090-1234-5678",
      address1: "1-2-3 Shibuya",
      address2: "",
      city: "Shibuya-ku",
      state: "Tokyo",
      postcode: "150-0002",
      country: "JP",
      password2: "random-secret",
      notes: "Portal customer number: 100002",
      skipvalidation: "true",
      noemail: "true",
    });
  });
});

describe("toUpdateClientParams", () => {
  it("sends only the fields present", () => {
    expect(toUpdateClientParams({ phone: "03-1234-5678" })).toEqual({
      firstname: undefined,
      lastname: undefined,
      email: undefined,
      phonenumber: "03-1234-5678",
    });
  });

  it("sends an address whole", () => {
    expect(toUpdateClientParams({ address })).toMatchObject({
      address1: "1-2-3 Shibuya",
      address2: "",
      city: "Shibuya-ku",
      state: "Tokyo",
      postcode: "150-0002",
      country: "JP",
    });
  });
});
