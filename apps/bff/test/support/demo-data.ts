import { type SignupRequestInput } from "@portal/domain";

/**
 * The sandbox's deterministic demo data (docs/architecture/wiring.md "Demo data").
 */
export const DEMO = {
  email: "demo@example.com",
  password: "Demo1234!portal",
  customerNumber: "100001",
  whmcsClientId: 1,
  invoiceCount: 14,
  /** "Fibre 1G Home" ¥4,800 + "Router rental" ¥500, tax 10%. */
  invoiceTotal: { amount: 5830, currency: "JPY" },
  invoiceSubtotal: { amount: 5300, currency: "JPY" },
  invoiceTax: { amount: 530, currency: "JPY" },
  /** WHMCS client without a portal user, owner of other invoices. */
  otherWhmcsClientId: 2,
} as const;

/**
 * The seeded WHMCS customer without a portal user who moves to the portal (customer number
 * 100004, WHMCS client #100; README "Demo data").
 */
export const MIGRATION = {
  email: "yuki.kobayashi@example.com",
  whmcsPassword: "Legacy1234!whmcs",
  customerNumber: "100004",
  accountId: "001DEMO00000004YDA",
  whmcsClientId: 100,
  firstName: "Yuki",
  lastName: "Kobayashi",
} as const;

/** Salesforce Accounts that have no portal user yet. */
export const UNREGISTERED = {
  hanako: {
    customerNumber: "100002",
    accountId: "001DEMO00000002YDA",
    firstName: "Hanako",
    lastName: "Suzuki",
    lastNameKana: "スズキ",
    firstNameKana: "ハナコ",
  },
  kenji: {
    customerNumber: "100003",
    accountId: "001DEMO00000003YDA",
    firstName: "Kenji",
    lastName: "Tanaka",
    lastNameKana: "タナカ",
    firstNameKana: "ケンジ",
  },
} as const;

/**
 * A valid signup body for one of the {@link UNREGISTERED} accounts; `overrides` replace fields.
 */
export function signupBody(
  who: (typeof UNREGISTERED)[keyof typeof UNREGISTERED],
  overrides: Partial<SignupRequestInput> = {},
): SignupRequestInput {
  return {
    customerNumber: who.customerNumber,
    firstName: who.firstName,
    lastName: who.lastName,
    lastNameKana: who.lastNameKana,
    firstNameKana: who.firstNameKana,
    email: `${who.firstName.toLowerCase()}.${who.lastName.toLowerCase()}@example.jp`,
    phone: "090-1234-5678",
    password: "Signup1234!portal",
    address: {
      postcode: "530-0001",
      prefecture: "Osaka",
      city: "Osaka-shi Kita-ku",
      street: "Umeda 1-2-3",
      building: "Umeda Tower 1201",
    },
    ...overrides,
  };
}
