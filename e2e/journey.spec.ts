import { expect, test, type Page } from "@playwright/test";
import {
  demoLogin,
  fillSignup,
  formAlert,
  invalidCredentialsMessage,
  logOut,
  requestSignupCode,
  signIn,
  type NewCustomer,
} from "./support/portal-pages.js";
import { expectAccessible } from "./support/accessibility.js";
import { snap } from "./support/screenshots.js";

/**
 * Customer journeys through the whole stack (portal → BFF → sandbox WHMCS and Salesforce),
 * started fresh by the Playwright web server: the demo data of docs/architecture/wiring.md.
 * These journeys read the portal in English: the browser asks for British English
 * (`Accept-Language: en-GB`), which the portal negotiates to its English catalog. The Japanese
 * default is walked through in japanese.spec.ts.
 */
test.use({ locale: "en-GB" });

/** Amounts in English read `¥5,830`; accept either yen sign. */
const yen = (digits: string) => new RegExp(`[¥￥]${digits}`);

const tokyoAddress = {
  postcode: "150-0001",
  prefecture: "Tokyo",
  city: "Shibuya-ku",
  street: "1-2-3 Jingumae",
  building: "Portal Heights 101",
};

/** Customer 100002; the phone is the one on her Salesforce Account (README "Demo data"). */
const hanako: NewCustomer = {
  customerNumber: "100002",
  firstName: "Hanako",
  lastName: "Suzuki",
  lastNameKana: "スズキ",
  firstNameKana: "はなこ",
  email: "hanako.suzuki@example.jp",
  phone: "+81 80-3456-7890",
  password: "Sakura2026spring",
  address: tokyoAddress,
};

// Customer 100003 signs up in Japanese (japanese.spec.ts); the lockout below reuses Hanako.
test.describe.serial("a new customer", () => {
  test("a customer signs up with their customer number and the e-mailed code, logs out and signs back in", async ({
    page,
    request,
  }, testInfo) => {
    const landing = await page.goto("/");
    expect(landing?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(landing?.headers()["x-content-type-options"]).toBe("nosniff");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await snap(page, testInfo, "01-landing");

    await page.getByRole("link", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/auth\/signup/);
    await fillSignup(page, request, hanako);
    await snap(page, testInfo, "02-signup-filled");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Hanako" })).toBeVisible();
    await expect(page.getByText("Customer number 100002")).toBeVisible();
    await expect(page.getByRole("banner").getByText("Hanako Suzuki")).toBeVisible();
    await snap(page, testInfo, "03-new-customer-dashboard");

    await logOut(page);
    await snap(page, testInfo, "04-logged-out");

    await signIn(page, hanako.email, hanako.password);
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Hanako" })).toBeVisible();
    await snap(page, testInfo, "05-new-customer-signed-in-again");
    await logOut(page);
  });

  test("five failed sign-ins lock the account, even against the right password", async ({
    page,
  }, testInfo) => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signIn(page, hanako.email, `Wrong-password-${attempt}`);
      await expect(formAlert(page)).toContainText(invalidCredentialsMessage);
    }

    await signIn(page, hanako.email, hanako.password);
    const alert = formAlert(page);
    await expect(alert).toContainText(/locked/i);
    await expect(alert).not.toContainText(invalidCredentialsMessage);
    await expect(page).toHaveURL(/\/auth\/login/);
    await snap(page, testInfo, "15-locked");
  });
});

test("a stranger with someone else's customer number learns nothing and creates nothing", async ({
  page,
  request,
}, testInfo) => {
  await page.goto("/auth/signup");
  const stranger: NewCustomer = {
    ...hanako,
    customerNumber: "100001",
    email: "stranger@example.jp",
    phone: "090-0000-0000",
  };
  await fillSignup(page, request, stranger);
  await page.getByRole("button", { name: "Create account" }).click();
  const message = "The customer number and phone number don't match our records.";
  await expect(page.getByLabel("Customer number")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Phone", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(message).first()).toBeVisible();
  await snap(page, testInfo, "05b-signup-details-not-matched");

  // An unknown number reads exactly the same.
  await page.getByLabel("Customer number").fill("999999");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Customer number")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(message).first()).toBeVisible();
  await expect(page).toHaveURL(/\/auth\/signup/);
});

test("the demo customer reviews invoices and pays the overdue one in WHMCS", async ({
  page,
}, testInfo) => {
  await signIn(page, demoLogin.email, demoLogin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Taro" })).toBeVisible();

  // Two payable invoices: the newest (not yet due) and the one before it (overdue), ¥5,830 each.
  await expect(page.getByText("2 unpaid", { exact: true })).toBeVisible();
  await expect(page.getByText(yen("11,660"))).toBeVisible();
  await expect(page.getByText("1 overdue")).toBeVisible();
  // The next payment is the payable invoice due first: the overdue one, so the card says so.
  await expect(page.getByText("Overdue payment", { exact: true })).toBeVisible();
  const nextDueLink = page.getByRole("link", { name: /^View invoice INV-\d{6}-\d+$/ });
  await expect(nextDueLink).toBeVisible();
  // Dates in English read `5 Dec 2026`.
  await expect(page.getByText(/^Was due \d{1,2} [A-Z][a-z]{2} \d{4}$/)).toBeVisible();
  const nextDueNumber = ((await nextDueLink.textContent()) ?? "")
    .replace("View invoice", "")
    .trim();
  await snap(page, testInfo, "06-demo-dashboard");

  await page.getByRole("link", { name: "Invoices", exact: true }).click();
  await expect(page).toHaveURL(/\/billing\/invoices$/);
  const table = page.getByRole("table");
  const invoiceRows = table.getByRole("row").filter({ has: page.getByRole("link") });
  // 14 invoices, 10 a page.
  await expect(invoiceRows).toHaveCount(10);
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await snap(page, testInfo, "07-invoices-page-1");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await expect(invoiceRows).toHaveCount(4);
  await snap(page, testInfo, "08-invoices-page-2");

  await page.getByLabel("Status").selectOption("overdue");
  await expect(page.getByText("Page 1 of 1")).toBeVisible();
  await expect(invoiceRows).toHaveCount(1);
  await expect(invoiceRows.first()).toContainText("Overdue");
  await expect(invoiceRows.first()).toContainText(yen("5,830"));
  await snap(page, testInfo, "09-invoices-overdue");

  await invoiceRows.first().getByRole("link").click();
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toContainText(`Invoice ${nextDueNumber}`);
  await expect(title).toContainText("Overdue");
  const invoiceUrl = page.url();
  await snap(page, testInfo, "10-invoice-overdue");

  await page.getByRole("button", { name: "Pay now" }).click();
  // The one-time SSO link lands on the (sandbox) WHMCS client area's invoice page.
  await expect(page).toHaveURL(/\/whmcs\/viewinvoice\.php\?id=\d+/);
  await snap(page, testInfo, "11-whmcs-invoice");
  await page.getByRole("button", { name: "Pay now" }).click();
  await expect(page.getByText("Payment received")).toBeVisible();
  await snap(page, testInfo, "12-whmcs-payment-received");

  await page.getByRole("link", { name: "Back to portal" }).click();
  // WHMCS links back to the invoice itself (without the list position the portal's URL carried).
  await expect(page).toHaveURL(new URL(new URL(invoiceUrl).pathname, invoiceUrl).href);
  // WHMCS tells the BFF through its signed webhook, which clears the cached invoice; the page
  // may have been rendered a moment before that arrived, so reload until it shows.
  await expect(async () => {
    await page.reload();
    await expect(title).toContainText("Paid", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Pay now" })).toHaveCount(0);
  await snap(page, testInfo, "13-invoice-paid");

  await logOut(page);
});

test("a wrong password and an unknown email get the same message", async ({ page }, testInfo) => {
  await signIn(page, demoLogin.email, "not-the-password-1");
  const alert = formAlert(page);
  await expect(alert).toContainText(invalidCredentialsMessage);
  await expect(alert).not.toContainText(
    /password is wrong|no account|unknown|not found|not registered/i,
  );
  const wrongPasswordText = (await alert.textContent()) ?? "";
  await snap(page, testInfo, "14-wrong-password");

  await signIn(page, "nobody@example.jp", "not-the-password-1");
  await expect(formAlert(page)).toHaveText(wrongPasswordText);
  await expect(page).toHaveURL(/\/auth\/login/);
});

test.describe("on a 360 px wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  /** The page fits the screen: nothing sticks out sideways (a table wider than 360 px would). */
  async function expectNoSidewaysScroll(page: Page): Promise<void> {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  }

  test("the demo customer reads the dashboard, the invoices and one invoice", async ({
    page,
  }, testInfo) => {
    await signIn(page, demoLogin.email, demoLogin.password);
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("heading", { name: "Welcome, Taro" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await snap(page, testInfo, "16-phone-dashboard");

    await page.getByRole("button", { name: "Open navigation" }).click();
    await page.getByRole("link", { name: "Invoices", exact: true }).click();
    await expect(page).toHaveURL(/\/billing\/invoices/);
    const firstInvoice = page.getByRole("link", { name: /INV-/ }).first();
    await expect(firstInvoice).toBeVisible();
    await expectNoSidewaysScroll(page);
    await snap(page, testInfo, "17-phone-invoices");

    await firstInvoice.click();
    await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await snap(page, testInfo, "18-phone-invoice");
  });
});

// Its own test: four axe runs fit the time budget of a busy machine better apart.
test("both sign-up steps meet WCAG 2.1 AA as axe-core checks them, error states included", async ({
  page,
  request,
}) => {
  await page.goto("/auth/signup");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await requestSignupCode(page, request, "axe.check@example.jp");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Verification code")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Customer number")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("every page meets WCAG 2.1 AA as axe-core checks it, error states included", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);

  await signIn(page, demoLogin.email, "not-the-password");
  await expect(formAlert(page)).toContainText(invalidCredentialsMessage);
  await expectAccessible(page);

  await signIn(page, demoLogin.email, demoLogin.password);
  await expect(page.getByRole("heading", { name: "Welcome, Taro" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/billing/invoices");
  const firstInvoice = page.getByRole("link", { name: /INV-/ }).first();
  await expect(firstInvoice).toBeVisible();
  await expectAccessible(page);

  await firstInvoice.click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible();
  await expectAccessible(page);
});
