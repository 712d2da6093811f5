import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { signupCodeFromMailbox, signupCodeMailCount } from "./mailbox.js";

/**
 * What the sign-up form asks for (labels as the portal shows them). `phone` must be the one on
 * the customer's Salesforce Account (README "Demo data").
 */
export interface NewCustomer {
  customerNumber: string;
  firstName: string;
  lastName: string;
  /** Katakana readings (hiragana and half-width kana are accepted too). */
  lastNameKana: string;
  firstNameKana: string;
  email: string;
  phone: string;
  password: string;
  address: { postcode: string; prefecture: string; city: string; street: string; building: string };
}

/** The demo customer the BFF seeds (docs/architecture/wiring.md, "Demo data"). */
export const demoLogin = { email: "demo@example.com", password: "Demo1234!portal" } as const;

/** The message every failed sign-in shows, whichever of email or password was wrong (docs/api.md). */
export const invalidCredentialsMessage = "The email or password is incorrect.";

/**
 * The message box of the page's form. Scoped to `main`: Next.js keeps an empty `role="alert"`
 * route announcer outside it.
 */
export function formAlert(page: Page): Locator {
  return page.getByRole("main").getByRole("alert");
}

/** The sign-up page's labels and buttons in each language. */
export const signupLabels = {
  en: {
    email: "Email",
    sendCode: "Send code",
    codeSent: "Check your email",
    code: "Verification code",
    customerNumber: "Customer number",
    lastName: "Last name",
    firstName: "First name",
    lastNameKana: "Last name in katakana",
    firstNameKana: "First name in katakana",
    phone: "Phone",
    password: "Password",
    postcode: "Postcode",
    prefecture: "Prefecture",
    city: "City / ward",
    street: "Street address",
    building: "Building / room",
    submit: "Create account",
  },
  ja: {
    email: "メールアドレス",
    sendCode: "確認コードを送信",
    codeSent: "メールをご確認ください",
    code: "確認コード",
    customerNumber: "お客様番号",
    lastName: "姓",
    firstName: "名",
    lastNameKana: "セイ（フリガナ）",
    firstNameKana: "メイ（フリガナ）",
    phone: "電話番号",
    password: "パスワード",
    postcode: "郵便番号",
    prefecture: "都道府県",
    city: "市区町村",
    street: "町名・番地",
    building: "建物名・部屋番号",
    submit: "登録する",
  },
} as const;

/**
 * The first step of sign-up: enters `email`, asks for a code and waits for "we sent a code".
 * Returns how many code mails the address had before, for {@link signupCodeFromMailbox}.
 */
export async function requestSignupCode(
  page: Page,
  request: APIRequestContext,
  email: string,
  lang: keyof typeof signupLabels = "en",
): Promise<number> {
  const label = signupLabels[lang];
  const before = await signupCodeMailCount(request, email);
  await page.getByLabel(label.email, { exact: true }).fill(email);
  await page.getByRole("button", { name: label.sendCode }).click();
  await expect(page.getByRole("heading", { name: label.codeSent })).toBeVisible();
  return before;
}

/**
 * Signs up as the customer would, on the open sign-up page, up to the submit button: the e-mail
 * step, the code read from the sandbox's mailbox (`transformCode` as the customer types it, e.g.
 * in full-width digits), then the rest of the form field by field, by label.
 */
export async function fillSignup(
  page: Page,
  request: APIRequestContext,
  customer: NewCustomer,
  lang: keyof typeof signupLabels = "en",
  transformCode: (code: string) => string = (code) => code,
): Promise<void> {
  const label = signupLabels[lang];
  const before = await requestSignupCode(page, request, customer.email, lang);
  const code = await signupCodeFromMailbox(request, customer.email, before);
  const field = (name: string) => page.getByLabel(name, { exact: true });
  await field(label.code).fill(transformCode(code));
  await field(label.customerNumber).fill(customer.customerNumber);
  await field(label.lastName).fill(customer.lastName);
  await field(label.firstName).fill(customer.firstName);
  await field(label.lastNameKana).fill(customer.lastNameKana);
  await field(label.firstNameKana).fill(customer.firstNameKana);
  await field(label.phone).fill(customer.phone);
  await field(label.password).fill(customer.password);
  await field(label.postcode).fill(customer.address.postcode);
  await field(label.prefecture).selectOption(customer.address.prefecture);
  await field(label.city).fill(customer.address.city);
  await field(label.street).fill(customer.address.street);
  await field(label.building).fill(customer.address.building);
}

/** Opens the sign-in page, fills email and password and presses "Sign in". */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/auth/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Presses "Log out" and waits for the sign-in page. */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/auth\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}
