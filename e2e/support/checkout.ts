import { expect, type Page } from "@playwright/test";

/**
 * A calendar date `days` after today in Japan (UTC+9), `YYYY-MM-DD`: what a date input takes.
 * Installation dates must lie 14 to 90 days ahead (`installationDateWindow` in the domain).
 */
export function japanDatePlus(days: number): string {
  const japan = new Date(Date.now() + 9 * 3_600_000);
  const midnight = Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth(), japan.getUTCDate());
  return new Date(midnight + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reloads `page` until `check` passes: the BFF serves eligibility (60 s) and payment methods
 * (until WHMCS's webhook) from its cache, so a change made elsewhere shows after a reload.
 */
export async function reloadUntil(
  page: Page,
  check: () => Promise<void>,
  timeout = 90_000,
): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [2_000, 5_000] });
}

/**
 * On the payments page of a customer without a payment method, adds a Visa card (number
 * 4242 4242 4242 4242, `expiry` as MM/YY) in the sandbox's WHMCS payment-method page — as in
 * production, card details never reach the portal — and comes back to the payments page.
 */
export async function addFirstCardInWhmcs(page: Page, expiry: string): Promise<void> {
  await expect(page).toHaveURL(/\/billing\/payments$/);
  await expect(page.getByRole("heading", { name: "No payment method saved" })).toBeVisible();
  await page.getByRole("button", { name: "Add a payment method" }).click();
  await expect(page).toHaveURL(/\/whmcs\/account\/paymentmethods$/);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill(expiry);
  await page.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByText("Payment method added.")).toBeVisible();
  await page.getByRole("link", { name: "Back to portal" }).click();
  await expect(page).toHaveURL(/\/billing\/payments$/);
}

/** The page is no wider than `width` CSS pixels (nothing scrolls sideways on a phone). */
export async function expectFitsWidth(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}
