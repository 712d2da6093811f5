import { describe, expect, it } from "vitest";
import { fieldErrorsFromIssues } from "../errors/api-error.js";
import { loginRequestSchema } from "./login.js";
import { signupRequestSchema, type SignupRequestInput } from "./signup.js";
import { signupStartRequestSchema } from "./signup-start.js";

const valid: SignupRequestInput = {
  customerNumber: "100002",
  firstName: "Hanako",
  lastName: "Suzuki",
  lastNameKana: "すずき",
  firstNameKana: "ﾊﾅｺ",
  email: "Hanako.Suzuki@Example.com ",
  phone: "090-1234-5678",
  code: "123456",
  password: "correct horse 42",
  address: {
    postcode: "５３０－０００１",
    prefecture: "Osaka",
    city: "Kita-ku",
    street: "Umeda 1-1",
  },
};

function failingFields(input: unknown): Record<string, string> {
  const result = signupRequestSchema.safeParse(input);
  expect(result.success).toBe(false);
  return fieldErrorsFromIssues(result.error?.issues ?? []);
}

describe("signupRequestSchema", () => {
  it.each([
    ["firstName", { firstName: "Hana\u0000ko" }],
    ["lastName", { lastName: "Suzuki\u0000" }],
    ["lastName", { lastName: "Su\nzuki" }],
    ["firstName", { firstName: "Hanako\u202Egnp.exe" }],
    ["address.city", { address: { ...valid.address, city: "Kita\u0007ku" } }],
    ["address.street", { address: { ...valid.address, street: "Umeda\t1-1" } }],
    ["address.building", { address: { ...valid.address, building: "Tower\u001b[31m" } }],
  ])("refuses a control character in %s, naming the field", (field, change) => {
    expect(failingFields({ ...valid, ...change })[field]).toMatch(/control characters/);
  });

  it("still accepts Japanese names and addresses, and trims surrounding line breaks", () => {
    const parsed = signupRequestSchema.parse({
      ...valid,
      firstName: "花子",
      lastName: " 鈴木\n",
      address: { ...valid.address, city: "大阪市北区", street: "梅田１－１" },
    });
    expect(parsed.lastName).toBe("鈴木");
  });

  it("accepts a complete request and normalises email and postcode", () => {
    const parsed = signupRequestSchema.parse(valid);
    expect([parsed.lastNameKana, parsed.firstNameKana]).toEqual(["スズキ", "ハナコ"]);
    expect(parsed.email).toBe("hanako.suzuki@example.com");
    expect(parsed.address).toEqual({
      postcode: "530-0001",
      prefecture: "Osaka",
      city: "Kita-ku",
      street: "Umeda 1-1",
      building: "",
      country: "JP",
    });
  });

  it("names nested address fields with dotted paths", () => {
    const { postcode: _postcode, ...addressWithoutPostcode } = valid.address;
    const fields = failingFields({ ...valid, address: addressWithoutPostcode });
    expect(Object.keys(fields)).toEqual(["address.postcode"]);
  });

  it("requires the address", () => {
    const { address: _address, ...withoutAddress } = valid;
    expect(Object.keys(failingFields(withoutAddress))).toEqual(["address"]);
  });

  it("rejects a malformed email", () => {
    expect(failingFields({ ...valid, email: "not-an-email" })).toEqual({
      email: "Enter a valid email address",
    });
  });

  it.each([
    ["short1", "Use at least 10 characters"],
    ["onlyletterslong", "Include at least one digit"],
    ["1234567890123", "Include at least one letter"],
    ["a1".repeat(65), "Use at most 128 characters"],
  ])("applies the password policy to %j", (password, message) => {
    expect(failingFields({ ...valid, password })).toEqual({ password: message });
  });

  it.each(["12345", "12345678901", "A00001", ""])(
    "rejects customer number %j",
    (customerNumber) => {
      expect(Object.keys(failingFields({ ...valid, customerNumber }))).toEqual(["customerNumber"]);
    },
  );

  it.each(["090-12", "phone", "0901234567890123"])("rejects phone %j", (phone) => {
    expect(Object.keys(failingFields({ ...valid, phone }))).toEqual(["phone"]);
  });

  it("requires names that are not blank", () => {
    const fields = failingFields({ ...valid, firstName: "  ", lastName: "" });
    expect(fields).toEqual({
      firstName: "Enter your first name",
      lastName: "Enter your last name",
    });
  });

  it("reports a wrong type under the field's name", () => {
    expect(Object.keys(failingFields({ ...valid, email: 123 }))).toEqual(["email"]);
  });
});

describe("loginRequestSchema", () => {
  it("lower-cases the email and keeps the password as typed", () => {
    expect(loginRequestSchema.parse({ email: " Demo@Example.com", password: " Pass " })).toEqual({
      email: "demo@example.com",
      password: " Pass ",
    });
  });

  it("requires a password", () => {
    const result = loginRequestSchema.safeParse({ email: "demo@example.com", password: "" });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["password"],
      message: "Enter your password",
    });
  });
});

describe("signupRequestSchema with full-width input", () => {
  it("normalises full-width digits in the customer number, phone and postcode", () => {
    const parsed = signupRequestSchema.parse({
      ...valid,
      customerNumber: "１００００２",
      phone: "０９０－１２３４－５６７８",
    });
    expect(parsed.customerNumber).toBe("100002");
    expect(parsed.phone).toBe("090-1234-5678");
    expect(parsed.address.postcode).toBe("530-0001");
  });
});

describe("signupRequestSchema code", () => {
  it.each([
    ["１２３４５６", "123456"],
    ["123 456", "123456"],
    ["123-456", "123456"],
    [" 654321 ", "654321"],
  ])("normalises %j to %j", (code, expected) => {
    expect(signupRequestSchema.parse({ ...valid, code }).code).toBe(expected);
  });

  it.each(["12345", "1234567", "abcdef", ""])("refuses %j, naming the code", (code) => {
    expect(failingFields({ ...valid, code })).toEqual({
      code: "Enter the 6-digit code from the e-mail",
    });
  });
});

describe("signupStartRequestSchema", () => {
  it("normalises the address like the sign-up", () => {
    expect(signupStartRequestSchema.parse({ email: " Hanako@Example.JP" })).toEqual({
      email: "hanako@example.jp",
    });
  });

  it("names a malformed address", () => {
    expect(signupStartRequestSchema.safeParse({ email: "nope" }).error?.issues[0]?.path).toEqual([
      "email",
    ]);
  });
});
