import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { awaitEmailChangeCode, mailTo, portalApi } from "./support/mailbox.js";
import { demoLogin, logOut, signIn } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";

/**
 * A customer changes their e-mail address at /account (issue "Japanese-first portal" §3; decision
 * 0042): a code goes to the new address (read from the sandbox's mailbox), the change is
 * confirmed, the old address is told, and the customer signs in with the new one. In Japanese,
 * then in English, on the demo customer, whose address is put back afterwards (other journeys sign
 * in with it).
 */
const addresses = { ja: "taro.yamada.ja@example.jp", en: "taro.yamada.en@example.jp" } as const;

test.describe.configure({ mode: "serial" });

/** Where the demo customer's login is now. */
let current: string = demoLogin.email;

test.afterAll(async ({ request }) => {
  if (current === demoLogin.email) return;
  // Put the demo address back through the same API, so later journeys can sign in.
  const api = await portalApi(request);
  expect(
    (await api.post("/api/auth/login", { email: current, password: demoLogin.password })).status(),
  ).toBe(200);
  const codesBefore = (await mailTo(request, demoLogin.email)).filter((mail) =>
    /\b\d{6}\b/.test(mail.text),
  ).length;
  expect(
    (
      await api.post("/api/me/email", {
        newEmail: demoLogin.email,
        currentPassword: demoLogin.password,
      })
    ).status(),
  ).toBe(202);
  const code = await awaitEmailChangeCode(request, demoLogin.email, codesBefore + 1);
  const confirmed = await api.post(
    "/api/me/email/confirm",
    { code },
    { "idempotency-key": `e2e-restore-${Date.now()}` },
  );
  expect(confirmed.status()).toBe(204);
});

async function openEmailChange(page: Page, button: string): Promise<void> {
  await page.goto("/account");
  await page.getByRole("button", { name: button }).click();
}

test.describe("in Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("changes the e-mail address with a code sent to it, then signs in with it", async ({
    page,
    request,
  }, testInfo) => {
    await page.goto("/auth/login");
    await page.getByLabel("メールアドレス").fill(current);
    await page.getByLabel("パスワード", { exact: true }).fill(demoLogin.password);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    await openEmailChange(page, "メールアドレスを変更");
    await page.getByLabel("新しいメールアドレス").fill(addresses.ja);
    await page.getByLabel("現在のパスワード").fill("wrong password 1");
    await page.getByRole("button", { name: "確認コードを送信" }).click();
    await expect(page.getByText("パスワードが正しくありません。")).toBeVisible();
    await page.getByLabel("現在のパスワード").fill(demoLogin.password);
    await page.getByRole("button", { name: "確認コードを送信" }).click();
    await expect(
      page.getByText(`${addresses.ja} に6桁の確認コードをお送りしました。`),
    ).toBeVisible();
    await expectAccessible(page);
    await snap(page, testInfo, "email-change-ja-01-code-sent");

    const code = await awaitEmailChangeCode(request, addresses.ja);
    // A wrong code is refused by the field; full-width digits are accepted.
    await page.getByLabel("メールに記載の確認コード").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "メールアドレスを変更" }).click();
    await expect(
      page.getByText("確認コードが正しくないか、有効期限が切れています。"),
    ).toBeVisible();
    const fullWidth = code.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
    await page.getByLabel("メールに記載の確認コード").fill(fullWidth);
    await page.getByRole("button", { name: "メールアドレスを変更" }).click();

    await expect(
      page.getByText(`メールアドレスを ${addresses.ja} に変更しました。`, { exact: false }),
    ).toBeVisible();
    await expect(page.getByText(addresses.ja, { exact: true })).toBeVisible();
    current = addresses.ja;
    await snap(page, testInfo, "email-change-ja-02-changed");
    await expect
      .poll(async () =>
        (await mailTo(request, demoLogin.email)).some((mail) =>
          mail.text.includes(`ご登録のメールアドレスが ${addresses.ja} に変更されました`),
        ),
      )
      .toBe(true);

    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page).toHaveURL(/\/auth\/login/);
    await page.getByLabel("メールアドレス").fill(addresses.ja);
    await page.getByLabel("パスワード", { exact: true }).fill(demoLogin.password);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("changes the e-mail address again and signs in with the new one", async ({
    page,
    request,
  }, testInfo) => {
    await signIn(page, current, demoLogin.password);
    await expect(page).toHaveURL(/\/dashboard$/);

    await openEmailChange(page, "Change email");
    await page.getByLabel("New email address").fill(addresses.en);
    await page.getByLabel("Current password").fill(demoLogin.password);
    await page.getByRole("button", { name: "Send code" }).click();
    await expect(
      page.getByText(`We've sent a 6-digit code to ${addresses.en}. It works for 10 minutes.`),
    ).toBeVisible();
    const code = await awaitEmailChangeCode(request, addresses.en);
    await page.getByLabel("Code from the email").fill(code);
    await page.getByRole("button", { name: "Change email" }).click();

    await expect(
      page.getByText(`Your email address is now ${addresses.en}.`, { exact: false }),
    ).toBeVisible();
    current = addresses.en;
    await snap(page, testInfo, "email-change-en-01-changed");

    await logOut(page);
    await signIn(page, addresses.en, demoLogin.password);
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});
