import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { formAlert, invalidCredentialsMessage } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";

/**
 * An existing customer of the old billing portal (WHMCS) moves to the portal (seeds
 * "Login/Linking"; decisions 0035, 0036): the seeded customer 100004, who has a WHMCS login and
 * no portal user (README "Demo data"). A customer migrates once, so the Japanese journey moves
 * them and the English one, after it, walks the same pages: a wrong old password, then the old
 * login of the customer who has moved, then signing in with the new password.
 */
const migrating = {
  email: "yuki.kobayashi@example.com",
  whmcsPassword: "Legacy1234!whmcs",
  newPassword: "Aozora2026!new",
} as const;

test.describe.configure({ mode: "serial" });

test.describe("in Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("customer 100004 moves from the old billing portal and lands on the dashboard", async ({
    page,
  }, testInfo) => {
    await page.goto("/auth/login");
    await page
      .getByRole("link", { name: "以前のマイページ（WHMCS）のアカウントをお持ちの方" })
      .click();

    await expect(page).toHaveURL(/\/auth\/migrate$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "以前のマイページからの移行" }),
    ).toBeVisible();
    await expectAccessible(page);
    await snap(page, testInfo, "migration-ja-01-old-login");
    await page.getByLabel("メールアドレス").fill(migrating.email);
    await page.getByLabel("以前のマイページのパスワード").fill(migrating.whmcsPassword);
    await page.getByRole("button", { name: "確認する" }).click();

    await expect(page).toHaveURL(/\/auth\/set-password$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "新しいパスワードの設定" }),
    ).toBeVisible();
    await expect(
      page.getByText(`${migrating.email} でマイページにログインできます`, { exact: false }),
    ).toBeVisible();
    await expect(
      page.getByText("10文字以上で、英字と数字をそれぞれ1文字以上含めてください。", {
        exact: false,
      }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("新しいパスワード", { exact: true }).fill(migrating.newPassword);
    await page.getByLabel("新しいパスワード（確認）").fill(`${migrating.newPassword}x`);
    await page.getByRole("button", { name: "設定してログイン" }).click();
    await expect(page.getByText("パスワードが一致しません")).toBeVisible();
    await snap(page, testInfo, "migration-ja-02-new-password");

    await page.getByLabel("新しいパスワード（確認）").fill(migrating.newPassword);
    await page.getByRole("button", { name: "設定してログイン" }).click();

    await expect(page).toHaveURL(/\/dashboard/);
    await expect(
      page.getByRole("heading", { level: 1, name: "ようこそ、Kobayashi 様" }),
    ).toBeVisible();
    await expect(page.getByText("お客様番号 100004")).toBeVisible();
    await snap(page, testInfo, "migration-ja-03-dashboard");
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("the old login is checked like a sign-in, and a moved customer signs in with the new password", async ({
    page,
  }, testInfo) => {
    await page.goto("/auth/login");
    await page.getByRole("link", { name: "Have an account in our old billing portal?" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Move from the old billing portal" }),
    ).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Email").fill(migrating.email);
    await page.getByLabel("Old billing portal password").fill("not-the-password");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(formAlert(page)).toContainText("We couldn't check your details");
    await expect(formAlert(page)).toContainText(invalidCredentialsMessage);

    await page.getByLabel("Old billing portal password").fill(migrating.whmcsPassword);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(formAlert(page)).toContainText("already has an account");
    await snap(page, testInfo, "migration-en-01-already-moved");

    await page.getByRole("link", { name: "Back to sign in" }).click();
    // The old-login page has an Email field too: wait for the sign-in page before filling.
    await expect(page).toHaveURL(/\/auth\/login/);
    await expect(page.getByRole("heading", { level: 1, name: /^Sign in to / })).toBeVisible();
    await page.getByLabel("Email", { exact: true }).fill(migrating.email);
    await page.getByLabel("Password", { exact: true }).fill(migrating.newPassword);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Yuki" })).toBeVisible();
  });
});
