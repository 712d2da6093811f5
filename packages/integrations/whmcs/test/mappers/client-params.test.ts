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
  lastNameKana: "スズキ",
  firstNameKana: "ハナコ",
  phone: "090-1234-5678",
  address,
  customerNumber: "100002",
};

const FIELDS = { lastNameKana: 11, firstNameKana: 12 };

/** A `customfields` parameter decoded back to the PHP-serialized text. */
const decoded = (value: unknown) => Buffer.from(String(value), "base64").toString("utf8");

describe("toAddClientParams", () => {
  it("sends the AddClient fields of the reference, country JP, no email, no validation", () => {
    expect(toAddClientParams(signup, "random-secret", FIELDS)).toEqual({
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
      customfields: expect.any(String) as unknown,
      password2: "random-secret",
      notes: "Portal customer number: 100002",
      skipvalidation: "true",
      noemail: "true",
    });
  });
});

describe("readings in customfields", () => {
  it("serializes them as PHP does: integer keys, string lengths in UTF-8 bytes", () => {
    expect(decoded(toAddClientParams(signup, "x", FIELDS).customfields)).toBe(
      'a:2:{i:11;s:9:"スズキ";i:12;s:9:"ハナコ";}',
    );
    expect(decoded(toUpdateClientParams({ lastNameKana: "ヤマダ" }, FIELDS).customfields)).toBe(
      'a:1:{i:11;s:9:"ヤマダ";}',
    );
  });
});

describe("toUpdateClientParams", () => {
  it("sends only the fields present", () => {
    expect(toUpdateClientParams({ phone: "03-1234-5678" }, FIELDS)).toEqual({
      firstname: undefined,
      lastname: undefined,
      email: undefined,
      phonenumber: "03-1234-5678",
      customfields: undefined,
    });
  });

  it("sends an address whole", () => {
    expect(toUpdateClientParams({ address }, FIELDS)).toMatchObject({
      address1: "1-2-3 Shibuya",
      address2: "",
      city: "Shibuya-ku",
      state: "Tokyo",
      postcode: "150-0002",
      country: "JP",
    });
  });
});
