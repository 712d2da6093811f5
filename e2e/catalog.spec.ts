import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { demoLogin, signIn } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";

/**
 * The product catalog from the Salesforce portal price book: a customer browses fibre, SIM and VPN
 * plans in Japanese, filters the SIM plans, switches to English, and on a phone. Reads only.
 */

/** A plan card of the page, by its title (cards are list items labelled by their heading). */
function planCard(page: Page, title: string) {
  return page.getByRole("listitem", { name: title, exact: true });
}

test.describe("in Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("a customer compares fibre, SIM and VPN plans, filters SIMs, and reads them in English", async ({
    page,
  }, testInfo) => {
    await page.goto("/auth/login");
    await page.getByLabel("メールアドレス").fill(demoLogin.email);
    await page.getByLabel("パスワード").fill(demoLogin.password);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard/);

    await page.getByRole("link", { name: "プラン・料金", exact: true }).click();
    await expect(page).toHaveURL(/\/catalog$/);
    await expect(page.getByRole("heading", { level: 1, name: "プラン・料金" })).toBeVisible();
    await expectAccessible(page);
    await snap(page, testInfo, "catalog-01-overview");

    await page.getByRole("link", { name: /光回線/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "光回線" })).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 2, name: "戸建て 1G · 最大1Gbps" }),
    ).toBeVisible();
    // The demo customer's address is eligible for Home 1G: only that line's plans are offered.
    await expect(page.getByRole("region", { name: "光回線の提供可否" })).toContainText("戸建て 1G");
    await expect(
      page.getByRole("heading", { level: 2, name: /戸建て 10G|マンション 1G/ }),
    ).toHaveCount(0);
    const home = planCard(page, "戸建て 1G スタンダード");
    await expect(home).toContainText("5,390円");
    await expect(home).toContainText("税抜 4,900円");
    // Installation 19,800 + contract fee 3,300.
    await expect(home).toContainText("23,100円");
    await expect(
      home.getByRole("link", { name: "戸建て 1G スタンダードを申し込む" }),
    ).toHaveAttribute("href", /^\/checkout\?plan=01u/);
    await expectAccessible(page);
    await snap(page, testInfo, "catalog-02-internet");

    await page.getByRole("link", { name: "プラン一覧へ戻る" }).click();
    await page.getByRole("link", { name: /SIM・eSIM/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "SIM・eSIM" })).toBeVisible();
    await expect(planCard(page, "音声通話付き 2GB")).toContainText("850円");
    await page.getByLabel("タイプ").selectOption({ label: "データ専用" });
    await page.getByLabel("データ容量").selectOption({ label: "5GB" });
    await page.getByLabel("SIMの種類").selectOption({ label: "eSIM" });
    await expect(page).toHaveURL(/type=data&data=5&sim=esim/);
    const plans = page.getByRole("list", { name: "SIMプラン" });
    await expect(plans.getByRole("listitem", { name: /GB/ })).toHaveCount(1);
    const dataFive = planCard(page, "データ専用 5GB");
    await expect(dataFive).toContainText("836円");
    await expect(dataFive).toContainText("eSIMプロファイル発行手数料");
    await expect(page.getByRole("heading", { name: "通話オプション" })).toBeVisible();
    await expectAccessible(page);
    await snap(page, testInfo, "catalog-03-sim-filtered");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "SIM and eSIM" })).toBeVisible();
    await expect(planCard(page, "Data only 5 GB")).toContainText("¥836");
    await expect(planCard(page, "Data only 5 GB")).toContainText("¥760 excl. tax");

    await page.goto("/catalog/vpn");
    await expect(page.getByRole("heading", { level: 1, name: "VPN" })).toBeVisible();
    const vpn = planCard(page, "VPN router Standard");
    await expect(vpn).toContainText("¥2,750");
    await expect(vpn.getByRole("link", { name: "Choose VPN router Standard" })).toBeVisible();
    await expectAccessible(page);
    await snap(page, testInfo, "catalog-04-vpn-english");
  });
});

test.describe("on a 360 px wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the plan cards fit the screen", async ({ page }, testInfo) => {
    await signIn(page, demoLogin.email, demoLogin.password);
    await expect(page).toHaveURL(/\/dashboard/);
    for (const path of ["/catalog", "/catalog/internet", "/catalog/sim"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: /Choose|Fibre internet/ }).first()).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
    }
    await snap(page, testInfo, "catalog-05-phone-sim");
  });
});
