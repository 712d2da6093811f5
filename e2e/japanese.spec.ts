import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { demoLogin, fillSignup, requestSignupCode } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";
import { sandboxUrl } from "./support/stack.js";

/**
 * The portal in its default language. The browser asks for Japanese (`Accept-Language: ja-JP`,
 * as a browser in Japan does); the journey then switches to English with the header's language
 * switch and checks that the choice outlives a reload (the `NEXT_LOCALE` cookie).
 * Apart from signing up customer 100003 (Kenji Tanaka) it changes nothing the other journeys rely on.
 */
test.use({ locale: "ja-JP" });

/** The document's language, as `<html lang>` declares it. */
async function expectLang(page: Page, lang: "ja" | "en"): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

test("a Japanese customer reads the portal in Japanese, switches to English, and it sticks", async ({
  page,
  context,
}, testInfo) => {
  await page.goto("/");
  await expectLang(page, "ja");
  await expect(page.getByRole("link", { name: "新規登録" })).toBeVisible();
  await expect(page).toHaveTitle("あおぞらネット マイページ");
  await snap(page, testInfo, "ja-01-landing");

  await page.goto("/auth/login");
  await expect(page).toHaveTitle("ログイン｜あおぞらネット");
  await page.getByLabel("メールアドレス").fill(demoLogin.email);
  await page.getByLabel("パスワード").fill(demoLogin.password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();

  await expect(page).toHaveURL(/\/dashboard/);
  await expectLang(page, "ja");
  await expect(page.getByRole("heading", { level: 1, name: "ようこそ、Yamada 様" })).toBeVisible();
  await expect(page.getByText("お客様番号 100001")).toBeVisible();
  // Family name first, with the honorific.
  await expect(page.getByRole("banner").getByText("Yamada Taro 様")).toBeVisible();
  // Yen the Japanese way (`11,660円`), dates as `2026年12月5日`.
  await expect(page.getByText(/^合計 [\d,]+円$/)).toBeVisible();
  // The payable invoice due first is past due: the card says so.
  await expect(page.getByText("支払期限を過ぎたお支払い", { exact: true })).toBeVisible();
  await expect(page.getByText(/^支払期限 \d{4}年\d{1,2}月\d{1,2}日（期限超過）$/)).toBeVisible();
  // The address from the postcode and the prefecture down.
  const address = page.getByRole("main").locator("address");
  await expect(address).toHaveText("〒100-0005東京都Chiyoda-ku 1-9-1 MarunouchiPortal Tower 12F");
  await expectAccessible(page);
  await snap(page, testInfo, "ja-02-dashboard");

  await page.getByRole("link", { name: "ご請求書", exact: true }).click();
  await expect(page).toHaveURL(/\/billing\/invoices$/);
  await expect(page.getByRole("heading", { level: 1, name: "ご請求書" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "支払期限" })).toBeVisible();
  await expect(page.getByText("1 / 2 ページ")).toBeVisible();
  const rows = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("link") });
  await expect(rows).toHaveCount(10);
  await expect(rows.filter({ hasText: "支払済み" }).first()).toContainText(/5,830円/);
  await expectAccessible(page);
  await snap(page, testInfo, "ja-03-invoices");

  await page.getByRole("button", { name: "English" }).click();
  await expectLang(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await expect(rows.filter({ hasText: "Paid" }).first()).toContainText("¥5,830");
  await expect(page).toHaveURL(/\/billing\/invoices$/);
  await snap(page, testInfo, "ja-04-switched-to-english");

  const cookie = (await context.cookies()).find(({ name }) => name === "NEXT_LOCALE");
  expect(cookie?.value).toBe("en");
  expect(cookie?.sameSite).toBe("Lax");
  expect(cookie?.path).toBe("/");
  // Remembered for a year (give or take the seconds the journey took).
  const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(364);

  await page.reload();
  await expectLang(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
  await expect(page).toHaveTitle("Invoices · Aozora Net");

  await page.getByRole("link", { name: "Dashboard", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Taro" })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Taro Yamada")).toBeVisible();
  await expect(address).toHaveText("Portal Tower 12F1-9-1 MarunouchiChiyoda-kuTokyo 100-0005");

  await page.getByRole("button", { name: "日本語" }).click();
  await expectLang(page, "ja");
  await expect(page.getByRole("heading", { level: 1, name: "ようこそ、Yamada 様" })).toBeVisible();
});

test("a Japanese visitor's sign-up form speaks Japanese, also when it finds a mistake", async ({
  page,
  request,
}) => {
  await page.goto("/auth/signup");
  await expectLang(page, "ja");
  await page.getByRole("button", { name: "確認コードを送信" }).click();
  await expect(page.getByText("正しいメールアドレスを入力してください")).toBeVisible();
  await requestSignupCode(page, request, "yamada.form@example.jp", "ja");
  await page.getByLabel("確認コード", { exact: true }).fill("１２３");
  await page.getByLabel("お客様番号").fill("１２３");
  await page.getByLabel("郵便番号").fill("１５０－０００１");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByText("お客様番号（6〜10桁の数字）を入力してください")).toBeVisible();
  await expect(page.getByText("メールに記載の6桁のコードを入力してください")).toBeVisible();
  await expect(page.getByText("姓を入力してください")).toBeVisible();
  await expect(page.getByText("都道府県を選択してください")).toBeVisible();
  // Full-width digits are fine: the postcode has no error.
  await expect(page.getByLabel("郵便番号")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("都道府県")).toContainText("東京都");
  await expectAccessible(page);
});

/** Full-width digits, as a Japanese IME types them. */
function fullWidth(text: string): string {
  return text.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
}

test("a Japanese customer signs up in Japanese with the code from the e-mail, typed in full-width digits", async ({
  page,
  request,
}, testInfo) => {
  await page.goto("/auth/signup");
  await expectLang(page, "ja");
  const kenji = {
    customerNumber: "１００００３",
    lastName: "田中",
    firstName: "健二",
    // Readings as a customer may type them: hiragana and half-width katakana.
    lastNameKana: "たなか",
    firstNameKana: "ｹﾝｼﾞ",
    email: "kenji.tanaka@example.jp",
    // The phone on Account 100003 is 070-4567-8901 (README "Demo data").
    phone: "０７０ー４５６７ー８９０１",
    password: "Fuji3776summit",
    address: {
      postcode: "４６０－０００８",
      prefecture: "Aichi",
      city: "名古屋市中区",
      street: "栄1-1",
      building: "",
    },
  };
  await fillSignup(page, request, kenji, "ja", fullWidth);
  await snap(page, testInfo, "ja-signup-filled");
  await expectAccessible(page);
  await page.getByRole("button", { name: "登録する" }).click();

  await expect(page).toHaveURL(/\/dashboard/);
  await expectLang(page, "ja");
  await expect(page.getByRole("heading", { level: 1, name: "ようこそ、田中 様" })).toBeVisible();
  await expect(page.getByText("お客様番号 100003")).toBeVisible();
  await snap(page, testInfo, "ja-signup-dashboard");
  // The code came in the customer's language.
  const mailbox = await request.get(`${sandboxUrl}/__control/mail`, {
    params: { to: kenji.email },
  });
  const { messages } = (await mailbox.json()) as { messages: { subject: string }[] };
  expect(messages.map((mail) => mail.subject)).toContain("【Aozora Net】メールアドレス確認コード");
});
