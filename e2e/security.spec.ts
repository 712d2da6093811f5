import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { demoLogin } from "./support/portal-pages.js";
import { fullWidth, totpCode } from "./support/totp.js";

/**
 * Account security (`/account/security`, decisions 0033 and 0034) with the demo customer: two-step
 * verification from set-up to sign-ins with an app code and with recovery codes, signing out other
 * devices and changing the password — first in English, then in Japanese, where the customer
 * types the codes in full-width characters, turns two-step verification off again and puts the
 * password back (so the file leaves the demo customer as it found them). Runs last (file order),
 * serially: the second test continues from the first.
 */
test.describe.configure({ mode: "serial" });

const changedPassword = "Changed2026winter";
let recoveryCodes: string[] = [];

async function signedInBrowser(browser: Browser, locale: string, password: string) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto("/auth/login");
  await page.locator('input[type="email"]').fill(demoLogin.email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/dashboard/);
  return { context, page };
}

async function passwordStep(page: Page, password: string): Promise<void> {
  await page.goto("/auth/login");
  await page.locator('input[type="email"]').fill(demoLogin.email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("sets up two-step verification, signs in with a code and with a recovery code, signs out other devices, changes the password", async ({
    page,
    browser,
  }) => {
    const other = await signedInBrowser(browser, "en-GB", demoLogin.password);

    await passwordStep(page, demoLogin.password);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.getByRole("link", { name: "Security" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();

    // Set up: QR code, manual key, confirm with the code the app would show.
    await page.getByRole("button", { name: "Set up" }).click();
    await expect(
      page.getByRole("img", { name: "QR code for your authenticator app" }),
    ).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel("Code from the app").fill(totpCode(secret, new Date()));
    await page.getByRole("button", { name: "Turn on" }).click();
    const shown = page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(shown).toHaveCount(10);
    recoveryCodes = await shown.allTextContents();
    await expectAccessible(page);
    await page.getByRole("button", { name: "I have saved them" }).click();
    await expect(page.getByText("10 recovery codes left.")).toBeVisible();

    // Sign out, sign in with the next code of the app (the one just used is never accepted again).
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/auth\/login/);
    await passwordStep(page, demoLogin.password);
    const code = page.getByLabel("Verification code");
    await expect(code).toHaveAttribute("autocomplete", "one-time-code");
    await expect(code).toHaveAttribute("inputmode", "numeric");
    await code.fill(totpCode(secret, new Date(Date.now() + 30_000)));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard/);

    // Sign out, sign in with a recovery code.
    await page.getByRole("button", { name: "Log out" }).click();
    await passwordStep(page, demoLogin.password);
    await page.getByRole("button", { name: "Use a recovery code instead" }).click();
    await page.getByLabel("Recovery code").fill(recoveryCodes[0] ?? "");
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard/);

    // Sign out the other browser from here.
    await page.goto("/account/security");
    await expect(page.getByTestId("session").filter({ hasText: "This device" })).toHaveCount(1);
    await page.getByRole("button", { name: "Sign out all other devices" }).click();
    await page.getByRole("button", { name: "Yes, sign out" }).click();
    await expect(page.getByTestId("session")).toHaveCount(1);
    await other.page.goto("/dashboard");
    await expect(other.page).toHaveURL(/\/auth\/login/);
    await other.context.close();

    // Change the password.
    await page.getByLabel("Current password").fill(demoLogin.password);
    await page.getByLabel("New password").fill(changedPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password has been changed.")).toBeVisible();
    await expect(page.getByTestId("activity").first()).toContainText("Password changed");
  });
});

test.describe("in Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("signs in with a full-width recovery code, turns two-step verification off and puts the password back", async ({
    page,
  }) => {
    await passwordStep(page, changedPassword);
    await expect(page.getByRole("group", { name: "2段階認証" })).toBeVisible();
    await page.getByRole("button", { name: "リカバリーコードを使う" }).click();
    await page.getByLabel("リカバリーコード").fill(fullWidth(recoveryCodes[1] ?? ""));
    await page.getByRole("button", { name: "確認してログイン" }).click();
    await expect(page).toHaveURL(/\/dashboard/);

    await page.goto("/account/security");
    await expect(page.getByRole("heading", { level: 1, name: "セキュリティ" })).toBeVisible();
    await expect(page.getByText("この端末", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "無効にする" }).click();
    await page.getByLabel("パスワード", { exact: true }).fill(changedPassword);
    await page.getByLabel("アプリのコードまたはリカバリーコード").fill(recoveryCodes[2] ?? "");
    await page.getByRole("button", { name: "2段階認証を無効にする" }).click();
    await expect(page.getByRole("button", { name: "設定する" })).toBeVisible();

    await page.getByLabel("現在のパスワード").fill(changedPassword);
    await page.getByLabel("新しいパスワード").fill(demoLogin.password);
    await page.getByRole("button", { name: "パスワードを変更" }).click();
    await expect(page.getByText("パスワードを変更しました。")).toBeVisible();
    await expectAccessible(page);
  });
});
