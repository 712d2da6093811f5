import { expect, type Locator, type Page } from "@playwright/test";

/** What the sign-up form asks for (labels as the portal shows them). */
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

/** Fills the sign-up form field by field, by label, and submits it. */
export async function fillSignup(page: Page, customer: NewCustomer): Promise<void> {
  await page.getByLabel("Customer number").fill(customer.customerNumber);
  await page.getByLabel("First name", { exact: true }).fill(customer.firstName);
  await page.getByLabel("Last name", { exact: true }).fill(customer.lastName);
  await page.getByLabel("Last name in katakana").fill(customer.lastNameKana);
  await page.getByLabel("First name in katakana").fill(customer.firstNameKana);
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Phone").fill(customer.phone);
  await page.getByLabel("Password").fill(customer.password);
  await page.getByLabel("Postcode").fill(customer.address.postcode);
  await page.getByLabel("Prefecture").selectOption(customer.address.prefecture);
  await page.getByLabel("City / ward").fill(customer.address.city);
  await page.getByLabel("Street address").fill(customer.address.street);
  await page.getByLabel("Building / room").fill(customer.address.building);
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
