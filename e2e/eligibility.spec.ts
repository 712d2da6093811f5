import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { demoLogin } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";
import { sandboxUrl } from "./support/stack.js";

/**
 * Internet eligibility (issue 7; decision 0053): the demo customer, eligible for Home 1G at the
 * address on file, asks whether fibre reaches another address (a move), on a 360 px phone in
 * Japanese; staff mark it eligible for Home 10G in the sandbox console; the portal shows it, in
 * English too. Afterwards the Account is put back to the seeded Home 1G through the control API,
 * so the other journeys find the demo data as seeded.
 */
test.use({ locale: "ja-JP", viewport: { width: 360, height: 800 } });

/** Salesforce Account of the demo customer 100001 (README "Demo data"). */
const DEMO_ACCOUNT = "001DEMO00000001YDA";

test.afterAll(async ({ request }) => {
  const restored = await request.post(
    `${sandboxUrl}/__control/salesforce/accounts/${DEMO_ACCOUNT}/eligibility`,
    { data: { status: "Eligible", offeringType: "Home 1G" } },
  );
  expect(restored.status()).toBe(204);
});

test("a customer asks about fibre at a new address, staff mark it eligible, the portal shows it", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto("/auth/login");
  await page.getByLabel("メールアドレス").fill(demoLogin.email);
  await page.getByLabel("パスワード").fill(demoLogin.password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/account");

  const panel = page.getByRole("region", { name: "光回線の提供可否" });
  await expect(panel.getByText("提供可能", { exact: true })).toBeVisible();
  await expect(
    panel.getByText("ご住所では「戸建て 1G」のプランをお申し込みいただけます。"),
  ).toBeVisible();
  await panel.getByRole("button", { name: "別の住所で確認する" }).click();

  // The form starts from the address on file; the customer types the new one, with the lookup.
  await expect(panel.getByLabel("郵便番号")).toHaveValue("100-0005");
  await panel.getByLabel("郵便番号").fill("５３００００１");
  await panel.getByRole("button", { name: "住所を検索" }).click();
  await expect(panel.getByLabel("都道府県")).toHaveValue("Osaka");
  await expect(panel.getByLabel("町名・番地")).toBeFocused();
  await panel.getByLabel("町名・番地").fill("梅田1-2-3");
  await panel.getByLabel("建物名・部屋番号").fill("梅田レジデンス502");
  await snap(page, testInfo, "eligibility-form-360");
  await expectAccessible(page);
  await panel.getByRole("button", { name: "提供可否の確認を依頼する" }).click();

  await expect(panel.getByText("確認中", { exact: true })).toBeVisible();
  await expect(panel.getByText(/通常3営業日以内/)).toBeVisible();
  await expect(panel.getByLabel("郵便番号")).toHaveCount(0);
  await expect(panel.getByText("梅田レジデンス502", { exact: false })).toBeVisible();
  await snap(page, testInfo, "eligibility-pending-360");

  // Staff, in the sandbox console: the pending Account offers the offering types.
  const staff = await browser.newPage();
  await staff.goto(sandboxUrl);
  const row = staff.getByRole("row", { name: /100001/ });
  await row.getByLabel("Offering type for 100001").selectOption("Home 10G");
  await row.getByRole("button", { name: "Mark eligible" }).click();
  await expect(
    staff.getByRole("row", { name: /100001/ }).getByText("Eligible (Home 10G)"),
  ).toBeVisible();
  await expect(
    staff.getByRole("cell", { name: /インターネット提供可否確認/ }).first(),
  ).toBeVisible();
  await staff.close();

  // The portal shows the answer within its cache's minute (decision 0053).
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByText("ご住所では「戸建て 10G」のプランをお申し込みいただけます。"),
    ).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [5_000] });
  await snap(page, testInfo, "eligibility-eligible-360");

  await page.getByRole("button", { name: "English" }).click();
  await expect(
    page.getByText("You can order \u201cHouse 10G\u201d plans at your address."),
  ).toBeVisible();
  await expectAccessible(page);

  // The fibre plans now offered are those of the new answer.
  await page.goto("/catalog/internet");
  await expect(page.getByRole("heading", { level: 2, name: /^House 10G/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^House 1G/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Choose/ }).first()).toBeVisible();
});
