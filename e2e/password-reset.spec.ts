import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { awaitResetLink, portalApi } from "./support/mailbox.js";
import { demoLogin, formAlert } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";

/**
 * A customer who forgot their password resets it through the e-mailed link (issue "Japanese-first
 * portal" §3; decision 0041), in Japanese and in English, on the demo customer — whose password
 * is put back afterwards (other journeys sign in with it). Each journey reads the link from the
 * sandbox's mailbox, checks that the token leaves the address bar, sets a new password and signs
 * in with it; the English one also shows that a used link is refused and that the lockout
 * message offers the reset.
 */
const newPasswords = { ja: "Sakura2026!reset", en: "Maple2026!reset" } as const;

test.describe.configure({ mode: "serial" });

/** Reset links mailed to the demo customer so far (each journey adds one). */
let linksSent = 0;

test.afterAll(async ({ request }) => {
  // Put the demo password back through the same API, so later journeys can sign in.
  const api = await portalApi(request);
  expect((await api.post("/api/auth/password/forgot", { email: demoLogin.email })).status()).toBe(
    202,
  );
  const link = await awaitResetLink(request, demoLogin.email, linksSent + 1);
  const token = new URL(link, "http://portal").searchParams.get("token");
  const reset = await api.post("/api/auth/password/reset", {
    token,
    password: demoLogin.password,
  });
  expect(reset.status()).toBe(204);
});

test.describe("in Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("resets a forgotten password through the e-mailed link and signs in", async ({
    page,
    request,
  }, testInfo) => {
    await page.goto("/auth/login");
    await page.getByRole("link", { name: "パスワードをお忘れの方" }).click();

    await expect(page).toHaveURL(/\/auth\/forgot-password$/);
    await expect(page.getByRole("heading", { level: 1, name: "パスワードの再設定" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("メールアドレス").fill(demoLogin.email);
    await page.getByRole("button", { name: "再設定用リンクを送信" }).click();
    await expect(page.getByText("メールをご確認ください")).toBeVisible();
    await expect(page.getByText(`${demoLogin.email} をご登録のアカウントがある場合`)).toBeVisible();
    await snap(page, testInfo, "password-reset-ja-01-sent");

    linksSent += 1;
    const link = await awaitResetLink(request, demoLogin.email, linksSent);
    await page.goto(link);

    // The token leaves the address bar (and the history) at once.
    await expect(page).toHaveURL(/\/auth\/reset-password$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "新しいパスワードの設定" }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("新しいパスワード", { exact: true }).fill(newPasswords.ja);
    await page.getByLabel("新しいパスワード（確認）").fill(newPasswords.ja);
    await snap(page, testInfo, "password-reset-ja-02-new-password");
    await page.getByRole("button", { name: "パスワードを再設定" }).click();

    await expect(page).toHaveURL(/\/auth\/login\?reset=done$/);
    await expect(
      page.getByText("パスワードを再設定しました。新しいパスワードでログインしてください。"),
    ).toBeVisible();
    await page.getByLabel("メールアドレス").fill(demoLogin.email);
    await page.getByLabel("パスワード", { exact: true }).fill(newPasswords.ja);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await snap(page, testInfo, "password-reset-ja-03-signed-in");
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("the lockout offers the reset; a reset link works once", async ({
    page,
    request,
  }, testInfo) => {
    // A lockout (here of an address without an account, which locks the same way) offers the reset.
    await page.goto("/auth/login");
    await page.getByLabel("Email").fill("locked.out@example.jp");
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await page.getByLabel("Password").fill(`wrong password ${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(formAlert(page)).toBeVisible();
    }
    await expect(formAlert(page)).toContainText("Account temporarily locked");
    await snap(page, testInfo, "password-reset-en-01-locked");
    await formAlert(page).getByRole("link", { name: "Reset your password to sign in now" }).click();

    await expect(page).toHaveURL(/\/auth\/forgot-password$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Reset your password" }),
    ).toBeVisible();
    await page.getByLabel("Email").fill(demoLogin.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText("Check your email")).toBeVisible();

    linksSent += 1;
    const link = await awaitResetLink(request, demoLogin.email, linksSent);
    await page.goto(link);
    await expect(page).toHaveURL(/\/auth\/reset-password$/);
    await page.getByLabel("New password", { exact: true }).fill(newPasswords.en);
    await page.getByLabel("New password (again)").fill(`${newPasswords.en}x`);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("The passwords don't match")).toBeVisible();
    await page.getByLabel("New password (again)").fill(newPasswords.en);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL(/\/auth\/login\?reset=done$/);
    await expect(
      page.getByText("Your password has been reset. Please sign in with the new one."),
    ).toBeVisible();
    await snap(page, testInfo, "password-reset-en-02-done");

    // The same link again: refused, with a way to ask for a new one.
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("Another2026!pass");
    await page.getByLabel("New password (again)").fill("Another2026!pass");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(formAlert(page)).toContainText(
      "This reset link has expired or was already used. Please ask for a new one.",
    );
    await expect(formAlert(page).getByRole("link", { name: "Ask for a new link" })).toBeVisible();
    await snap(page, testInfo, "password-reset-en-03-used-link");

    await page.goto("/auth/login");
    await page.getByLabel("Email").fill(demoLogin.email);
    await page.getByLabel("Password").fill(newPasswords.en);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});
