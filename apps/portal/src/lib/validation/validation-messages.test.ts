import { loginRequestSchema, profileUpdateSchema, signupRequestSchema } from "@portal/domain";
import { describe, expect, it } from "vitest";
import { type z } from "zod";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { validationMessageKeys, type LocalizedForm } from "@/lib/validation/use-field-error";

/** Whether `catalog.validation` holds a message at the dotted `key`. */
function has(catalog: typeof en, key: string): boolean {
  let node: unknown = catalog.validation;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/** The (field path, issue code) pairs `schema` reports for `inputs`, as the zod resolver does. */
function issuesOf(schema: z.ZodType, inputs: unknown[]): [string, string][] {
  return inputs.flatMap((input) => {
    const result = schema.safeParse(input);
    return (result.error?.issues ?? []).map((issue): [string, string] => [
      issue.path.join("."),
      issue.code,
    ]);
  });
}

const signupValid = {
  customerNumber: "100002",
  lastName: "Suzuki",
  firstName: "Hanako",
  lastNameKana: "スズキ",
  firstNameKana: "ハナコ",
  email: "hanako@example.jp",
  phone: "090-1234-5678",
  code: "123456",
  password: "Sakura2026spring",
  address: { postcode: "150-0001", prefecture: "Tokyo", city: "Shibuya-ku", street: "1-2-3" },
};
const long = "x".repeat(300);

/** Inputs that break every rule of the forms' schemas at least once. */
const cases: [LocalizedForm, z.ZodType, unknown[]][] = [
  [
    "signup",
    signupRequestSchema,
    [
      {
        ...signupValid,
        customerNumber: "12",
        lastName: "",
        firstName: "",
        lastNameKana: "",
        firstNameKana: "",
        email: "nope",
        phone: "abc",
        code: "12",
        password: "short",
        address: { postcode: "1", prefecture: "", city: "", street: "" },
      },
      {
        ...signupValid,
        lastName: long,
        firstName: long,
        lastNameKana: long,
        firstNameKana: long,
        phone: "123",
        code: long,
        password: "onlyletterslong",
        address: { ...signupValid.address, city: long, street: long, building: long },
      },
      { ...signupValid, password: `${long}1` },
    ],
  ],
  [
    "accountProfile",
    profileUpdateSchema,
    [
      { lastName: "", firstName: "", lastNameKana: "", firstNameKana: "山田", phone: "abc" },
      { lastName: long, firstName: long, lastNameKana: long, firstNameKana: long, phone: "123" },
      { firstNameKana: "" },
    ],
  ],
  [
    "login",
    loginRequestSchema,
    [
      { email: "nope", password: "" },
      { email: "a@b.jp", password: long },
    ],
  ],
];

/** The dotted keys of the messages under `validation.<form>`. */
function formKeys(form: LocalizedForm): string[] {
  const walk = (node: object, prefix: string): string[] =>
    Object.entries(node).flatMap(([key, value]) =>
      typeof value === "string" ? [`${prefix}.${key}`] : walk(value as object, `${prefix}.${key}`),
    );
  return walk(en.validation[form], form).sort();
}

describe("form validation messages", () => {
  it.each(cases)(
    "every rule of the %s form has its own message in both languages, and no message is unused",
    (form, schema, inputs) => {
      const raised = [
        ...new Set(
          issuesOf(schema, inputs).map(
            ([path, code]) => validationMessageKeys(form, path, code)[0],
          ),
        ),
      ].sort();
      expect(raised).toEqual(formKeys(form));
      expect(raised.filter((key) => !has(en, key) || !has(ja, key))).toEqual([]);
    },
  );

  it("has a default message for every issue code the forms raise", () => {
    for (const [form, schema, inputs] of cases) {
      for (const [path, code] of issuesOf(schema, inputs)) {
        const fallback = validationMessageKeys(form, path, code)[1];
        expect(has(en, fallback) && has(ja, fallback), fallback).toBe(true);
      }
    }
  });
});
