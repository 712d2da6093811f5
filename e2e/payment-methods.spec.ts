import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { demoLogin, signIn } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";

/**
 * Payment methods: the demo customer opens /billing/payments, follows "Add or change payment
 * method" into the (sandbox) WHMCS payment-methods page, saves a test card there, comes back and
 * sees it — WHMCS's signed webhook has dropped the portal's cached list.
 */

/** Signs the demo customer in (English labels) and opens the payments page. */
async function openPayments(page: Page): Promise<void> {
  await signIn(page, demoLogin.email, demoLogin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/billing/payments");
}

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("the demo customer adds a card in WHMCS and sees it on the payments page", async ({
    page,
  }, testInfo) => {
    await openPayments(page);
    await expect(page.getByRole("heading", { level: 1, name: "Payment methods" })).toBeVisible();
    const saved = page.getByRole("region", { name: "Saved payment methods" });
    await expect(saved.getByText("Visa •••• 4242")).toBeVisible();
    await expect(saved.getByText("Default")).toBeVisible();
    await expect(page.getByText("Bank Transfer")).toBeVisible();
    await expectAccessible(page);
    await snap(page, testInfo, "payments-01-list");

    await page.getByRole("button", { name: "Add or change payment method" }).click();
    await expect(page).toHaveURL(/\/whmcs\/account\/paymentmethods$/);
    await page.getByLabel("Card number").fill("3530 1113 3330 0000");
    await page.getByLabel("Expiry (MM/YY)").fill("11/30");
    await page.getByRole("button", { name: "Save card" }).click();
    await expect(page.getByText("Payment method added.")).toBeVisible();
    await snap(page, testInfo, "payments-02-whmcs-added");

    await page.getByRole("link", { name: "Back to portal" }).click();
    await expect(page).toHaveURL(/\/billing\/payments$/);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText("JCB •••• 0000")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByText("Expires 11/30")).toBeVisible();
    await snap(page, testInfo, "payments-03-card-shown");
  });
});

test.describe("in Japanese on a 360 px wide phone", () => {
  test.use({ locale: "ja-JP", viewport: { width: 360, height: 740 } });

  test("the payments page fits the screen and speaks Japanese", async ({ page }, testInfo) => {
    await page.goto("/auth/login");
    await page.getByLabel("メールアドレス").fill(demoLogin.email);
    await page.getByLabel("パスワード").fill(demoLogin.password);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/billing/payments");
    await expect(page.getByRole("heading", { level: 1, name: "お支払い方法" })).toBeVisible();
    await expect(page.getByRole("button", { name: "お支払い方法を追加・変更" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await snap(page, testInfo, "payments-04-phone-ja");
  });
});
