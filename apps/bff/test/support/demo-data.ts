import { type SignupRequestInput } from "@portal/domain";

/**
 * The sandbox's deterministic demo data (docs/architecture/wiring.md "Demo data").
 */
export const DEMO = {
  email: "demo@example.com",
  password: "Demo1234!portal",
  customerNumber: "100001",
  /** On the seeded Account and Contact 100001. */
  phone: "090-1234-5678",
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

/**
 * Salesforce Accounts that have no portal user yet, with the phone on their Account and Contact
 * (what proves the contract at sign-up, decision 0037).
 */
export const UNREGISTERED = {
  hanako: {
    customerNumber: "100002",
    accountId: "001DEMO00000002YDA",
    firstName: "Hanako",
    lastName: "Suzuki",
    lastNameKana: "スズキ",
    firstNameKana: "ハナコ",
    phone: "080-3456-7890",
  },
  kenji: {
    customerNumber: "100003",
    accountId: "001DEMO00000003YDA",
    firstName: "Kenji",
    lastName: "Tanaka",
    lastNameKana: "タナカ",
    firstNameKana: "ケンジ",
    phone: "070-4567-8901",
  },
} as const;

/** A sign-up body whose e-mailed `code` may still be missing (`PortalClient.signup` adds one). */
export type SignupBody = Omit<SignupRequestInput, "code"> & { code?: string };

/**
 * A valid signup body for one of the {@link UNREGISTERED} accounts, with its phone on record and
 * without the e-mailed code (`PortalClient.signup` fetches one); `overrides` replace fields.
 */
export function signupBody(
  who: (typeof UNREGISTERED)[keyof typeof UNREGISTERED],
  overrides: Partial<SignupRequestInput> = {},
): SignupBody {
  return {
    customerNumber: who.customerNumber,
    firstName: who.firstName,
    lastName: who.lastName,
    lastNameKana: who.lastNameKana,
    firstNameKana: who.firstNameKana,
    email: `${who.firstName.toLowerCase()}.${who.lastName.toLowerCase()}@example.jp`,
    phone: who.phone,
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
