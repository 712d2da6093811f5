import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { expectFitsWidth, japanDatePlus } from "./support/checkout.js";
import { demoLogin, signIn } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";

/**
 * Checkout and orders (issue 7): the demo customer orders a voice SIM as an eSIM, bringing her
 * number (MNP), on a 360 px phone in Japanese; the order page thanks her and shows it pending
 * review. Then, in English, the dashboard's orders card, the order list and the order page, and
 * an order that is not hers (404).
 */
test.describe.serial("a SIM order", () => {
  test.describe("in Japanese on a 360 px wide phone", () => {
    test.use({ locale: "ja-JP", viewport: { width: 360, height: 800 } });

    test("the customer orders a voice eSIM keeping her number and sees it pending review", async ({
      page,
    }, testInfo) => {
      await page.goto("/auth/login");
      await page.getByLabel("メールアドレス").fill(demoLogin.email);
      await page.getByLabel("パスワード").fill(demoLogin.password);
      await page.getByRole("button", { name: "ログイン", exact: true }).click();
      await expect(page).toHaveURL(/\/dashboard/);

      await page.goto("/catalog/sim");
      await page.getByRole("link", { name: "音声通話付き 5GBを申し込む" }).click();
      await expect(page).toHaveURL(/\/checkout\?plan=01u/);
      await expect(page.getByRole("heading", { level: 1, name: "お申し込み" })).toBeVisible();
      await expect(page.getByRole("region", { name: "プラン" })).toContainText("音声通話付き 5GB");

      await page.getByRole("radio", { name: /^eSIM/ }).check();
      // Full-width digits with spaces, as a phone keyboard may type them.
      await page
        .getByLabel("端末のEID（32桁）")
        .fill("８９０４ ９０３２ ０００１ ００００ ００００ １２３４ ５６７８ ９０１２");
      await page.getByRole("checkbox", { name: /今の電話番号をそのまま使う/ }).check();
      await page.getByLabel("MNP予約番号", { exact: true }).fill("1234567890");
      await page.getByLabel("予約番号の有効期限", { exact: true }).fill(japanDatePlus(10));
      await page.getByLabel("契約者 姓（漢字）").fill("山田");
      await page.getByLabel("契約者 名（漢字）").fill("太郎");
      await page.getByLabel("セイ（カタカナ）").fill("ヤマダ");
      await page.getByLabel("メイ（カタカナ）").fill("タロウ");
      await page.getByLabel("生年月日").fill("1985-04-01");
      await page.getByLabel("性別").selectOption({ label: "男性" });
      await page.getByRole("checkbox", { name: /5分かけ放題/ }).check();

      // Plan 860 + calls 455 a month; contract fee 3,000 + eSIM 200 once: 3,520円 incl. tax.
      const summary = page.getByRole("region", { name: /お申し込み内容の確認/ });
      await expect(summary).toContainText("3,520円");
      await expect(summary).toContainText("合計（税込）");
      await expect(page.getByRole("region", { name: /お支払い方法/ })).toContainText(
        "Visa •••• 4242",
      );
      await expectFitsWidth(page, 360);
      await expectAccessible(page);
      await snap(page, testInfo, "orders-01-checkout-sim-ja");

      await page.getByRole("button", { name: "申し込む" }).click();
      await expect(page.getByText("利用規約への同意が必要です")).toBeVisible();
      await page.getByRole("checkbox", { name: /利用規約に同意/ }).check();
      await page.getByRole("button", { name: "申し込む" }).click();

      await expect(page).toHaveURL(/\/orders\/\w+\?placed=1$/, { timeout: 30_000 });
      await expect(
        page.getByText("ご注文ありがとうございます。お申し込みを受け付けました"),
      ).toBeVisible();
      await expect(page.getByText("審査中", { exact: true }).first()).toBeVisible();
      await expect(page.getByText("•••• 9012")).toBeVisible();
      await expect(page.getByText("1234567890")).toBeVisible();
      await expect(page.getByRole("table")).toContainText("5分かけ放題");
      await expect(page.getByText("ご注文を受け付けました", { exact: true })).toBeVisible();
      await expectFitsWidth(page, 360);
      await expectAccessible(page);
      await snap(page, testInfo, "orders-02-placed-ja");
    });
  });

  test.describe("in English", () => {
    test.use({ locale: "en-GB" });

    test("the dashboard card, the order list and the order page show it; another order is not found", async ({
      page,
    }, testInfo) => {
      await signIn(page, demoLogin.email, demoLogin.password);
      await expect(page).toHaveURL(/\/dashboard/);
      const card = page.getByRole("list", { name: "Your orders" });
      const latest = card.getByRole("link", { name: /^SIM and eSIM · / }).first();
      await expect(latest).toBeVisible();
      await expect(card.getByText("Pending review").first()).toBeVisible();
      await snap(page, testInfo, "orders-03-dashboard-card");

      await page.getByRole("link", { name: "Orders", exact: true }).click();
      await expect(page).toHaveURL(/\/orders$/);
      await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
      const list = page.getByRole("list", { name: "Your orders" });
      const first = list.getByRole("listitem").first();
      await expect(first).toContainText("Pending review");
      await expect(first).toContainText(/Order \w+ · placed \d{1,2} [A-Z][a-z]{2} \d{4}/);
      await expect(first).toContainText("¥3,520");
      await expectAccessible(page);
      await snap(page, testInfo, "orders-04-list");

      await first.getByRole("link").click();
      await expect(page).toHaveURL(/\/orders\/\w+$/);
      await expect(page.getByRole("heading", { level: 1, name: /^SIM and eSIM · / })).toBeVisible();
      await expect(page.getByRole("table")).toContainText("eSIM");
      // Order lines are named in the page's language (Product2.Name_En__c, decision 0064).
      await expect(page.getByRole("table")).toContainText("Calls up to 5 min free");
      await expect(page.getByText("Total (incl. tax)").first()).toBeVisible();
      await expect(page.getByText("Order placed", { exact: true })).toBeVisible();
      await expect(page.getByText("Yes", { exact: true })).toBeVisible();
      await expectAccessible(page);
      await snap(page, testInfo, "orders-05-detail");

      await page.goto("/orders/801000000000000AAA");
      await expect(page.getByRole("heading", { level: 1, name: "Order not found" })).toBeVisible();
    });
  });
});
