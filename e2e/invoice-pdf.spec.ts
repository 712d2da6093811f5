import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { demoLogin } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";

/**
 * The invoice and receipt PDFs (decision 0026), in the portal's default language. Read-only: it
 * changes nothing the other journeys rely on.
 */
test.use({ locale: "ja-JP" });

/** Clicks the button named `name`, checks the download it starts is a PDF and returns it. */
async function downloadFrom(page: Page, name: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
  const file = await download.path();
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(1_000);
  return download;
}

test("the demo customer downloads an invoice PDF, and the receipt of a paid invoice", async ({
  page,
}, testInfo) => {
  await page.goto("/auth/login");
  await page.getByLabel("メールアドレス").fill(demoLogin.email);
  await page.getByLabel("パスワード").fill(demoLogin.password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await page.getByRole("link", { name: "ご請求書", exact: true }).click();
  const rows = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("link") });
  await expect(rows).toHaveCount(10);

  // The newest invoice is not paid yet: the invoice PDF, no receipt.
  await rows.first().getByRole("link").click();
  await expect(page.getByRole("button", { name: "請求書 (PDF)", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "領収書 (PDF)", exact: true })).toHaveCount(0);
  const unpaid = await downloadFrom(page, "請求書 (PDF)");
  expect(unpaid.suggestedFilename()).toMatch(/^invoice-INV-\d{6}-\d+\.pdf$/);
  await snap(page, testInfo, "pdf-01-unpaid-invoice");

  await page.goBack();
  await rows.filter({ hasText: "支払済み" }).first().getByRole("link").click();
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toContainText("支払済み");
  const number = /INV-\d{6}-\d+/.exec((await title.textContent()) ?? "")?.[0];
  expect(number).toBeDefined();
  const invoice = await downloadFrom(page, "請求書 (PDF)");
  expect(invoice.suggestedFilename()).toBe(`invoice-${number}.pdf`);
  const receipt = await downloadFrom(page, "領収書 (PDF)");
  expect(receipt.suggestedFilename()).toBe(`receipt-${number}.pdf`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await snap(page, testInfo, "pdf-02-paid-invoice");
});
