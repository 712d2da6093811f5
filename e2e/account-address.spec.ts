import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { demoLogin } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";

/**
 * The demo customer changes their address on `/account` with the postcode lookup, in Japanese,
 * then changes it back in English (so the other journeys find the seeded address again); and the
 * katakana reading of their name, typed in hiragana in Japanese and in half-width kana in English
 * (back to the seeded reading).
 */
test.use({ locale: "ja-JP" });

test("a customer changes their address with the postcode lookup, in Japanese and in English", async ({
  page,
}, testInfo) => {
  await page.goto("/auth/login");
  await page.getByLabel("メールアドレス").fill(demoLogin.email);
  await page.getByLabel("パスワード").fill(demoLogin.password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await page.getByRole("link", { name: "ご登録情報" }).first().click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "ご登録情報" })).toBeVisible();
  await expect(page.getByRole("link", { name: "セキュリティ設定" })).toBeVisible();
  await page.getByRole("button", { name: "住所を変更" }).click();

  // Full-width digits and a long-vowel mark for the hyphen, as a Japanese IME may type them.
  await page.getByLabel("郵便番号").fill("１５０ー０００１");
  await page.getByRole("button", { name: "住所を検索" }).click();
  await expect(page.getByRole("status").filter({ hasText: "東京都渋谷区神宮前" })).toBeVisible();
  await expect(page.getByLabel("都道府県")).toHaveValue("Tokyo");
  await expect(page.getByLabel("市区町村")).toHaveValue("渋谷区");
  await expect(page.getByLabel("町名・番地")).toHaveValue("神宮前");
  await expect(page.getByLabel("町名・番地")).toBeFocused();
  await page.getByLabel("町名・番地").fill("神宮前1-2-3");
  await page.getByLabel("建物名・部屋番号").fill("神宮前ハイツ101");
  await expectAccessible(page);
  await snap(page, testInfo, "account-01-ja-lookup");
  await page.getByRole("button", { name: "住所を保存" }).click();

  await expect(page.getByText("住所を変更しました。")).toBeVisible();
  await expect(page.getByRole("main").locator("address")).toHaveText(
    "〒150-0001東京都渋谷区 神宮前1-2-3神宮前ハイツ101",
  );

  // English: back to the seeded address, found by its postcode.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await page.getByRole("button", { name: "Change address" }).click();
  await page.getByLabel("Postcode").fill("100-0005");
  await page.getByRole("button", { name: "Find address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "東京都千代田区丸の内" })).toBeVisible();
  await expect(page.getByLabel("City / ward")).toHaveValue("千代田区");
  await page.getByLabel("City / ward").fill("Chiyoda-ku");
  await page.getByLabel("Street address").fill("1-9-1 Marunouchi");
  await page.getByLabel("Building / room").fill("Portal Tower 12F");
  await page.getByRole("button", { name: "Save address" }).click();

  await expect(page.getByText("Your address has been changed.")).toBeVisible();
  await expect(page.getByRole("main").locator("address")).toHaveText(
    "Portal Tower 12F1-9-1 MarunouchiChiyoda-kuTokyo 100-0005",
  );
  await snap(page, testInfo, "account-02-en-saved");
});

test("a customer changes the katakana reading of their name, in Japanese and in English", async ({
  page,
}, testInfo) => {
  await page.goto("/auth/login");
  await page.getByLabel("メールアドレス").fill(demoLogin.email);
  await page.getByLabel("パスワード").fill(demoLogin.password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  // The dashboard shows the name with its reading, family name first.
  await expect(page.getByText("Yamada Taro（ヤマダ タロウ） 様")).toBeVisible();

  await page.goto("/account");
  const profile = page.getByRole("main").locator("dl");
  await expect(profile).toContainText("Yamada Taro（ヤマダ タロウ）");
  await page.getByRole("button", { name: "お名前・フリガナ・電話番号を変更" }).click();
  await expect(page.getByLabel("セイ（フリガナ）")).toHaveValue("ヤマダ");
  // A reading that is not kana is refused, in Japanese, naming the field.
  await page.getByLabel("メイ（フリガナ）").fill("太郎");
  await page.getByRole("button", { name: "変更を保存" }).click();
  await expect(page.getByText("メイはカタカナで入力してください（例：タロウ）")).toBeVisible();
  // Hiragana is read as katakana.
  await page.getByLabel("メイ（フリガナ）").fill("たろー");
  await expectAccessible(page);
  await snap(page, testInfo, "account-03-ja-reading");
  await page.getByRole("button", { name: "変更を保存" }).click();
  await expect(page.getByText("ご契約者情報を変更しました。")).toBeVisible();
  await expect(profile).toContainText("Yamada Taro（ヤマダ タロー）");

  // English: the name alone, the reading on a row of its own; back to the seeded reading.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(profile).toContainText("Taro Yamada");
  await expect(profile).toContainText("Name in katakanaヤマダ タロー");
  await page.getByRole("button", { name: "Change details" }).click();
  await page.getByLabel("First name in katakana").fill("ﾀﾛｳ");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Your details have been changed.")).toBeVisible();
  await expect(profile).toContainText("Name in katakanaヤマダ タロウ");
  await snap(page, testInfo, "account-04-en-reading");
});
