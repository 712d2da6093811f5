import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { japanDatePlus, reloadUntil } from "./support/checkout.js";
import { demoLogin, signIn } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";
import { sandboxUrl } from "./support/stack.js";

/**
 * Fibre checkout (issue 7): the demo customer, moving, asks whether fibre reaches the new
 * address; while staff check, the fibre checkout explains that it cannot be ordered yet and
 * points to the check; staff mark the address eligible for Home 1G in the sandbox console; the
 * customer orders House 1G Standard with the Wi-Fi router and an installation date, in English.
 * Afterwards the Account is put back to the seeded Home 1G, so the other journeys find it as seeded.
 */
test.use({ locale: "en-GB" });

/** Salesforce Account of the demo customer 100001 (README "Demo data"). */
const DEMO_ACCOUNT = "001DEMO00000001YDA";

test.afterAll(async ({ request }) => {
  const restored = await request.post(
    `${sandboxUrl}/__control/salesforce/accounts/${DEMO_ACCOUNT}/eligibility`,
    { data: { status: "Eligible", offeringType: "Home 1G" } },
  );
  expect(restored.status()).toBe(204);
});

test("a customer asks about fibre, staff mark the address eligible, the customer orders fibre with an installation date", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, demoLogin.email, demoLogin.password);
  await expect(page).toHaveURL(/\/dashboard/);

  await page.goto("/catalog/internet");
  const choose = page.getByRole("link", { name: "Choose House 1G Standard" });
  const checkoutUrl = await choose.getAttribute("href");
  expect(checkoutUrl).toMatch(/^\/checkout\?plan=01u/);

  // The customer is moving: she asks about the new address.
  const panel = page.getByRole("region", { name: "Fibre internet availability" });
  await panel.getByRole("button", { name: "Check another address" }).click();
  await panel.getByLabel("Postcode").fill("150-0001");
  await panel.getByRole("button", { name: "Find address" }).click();
  await expect(panel.getByLabel("Street address")).toBeFocused();
  await panel.getByLabel("Street address").fill("1-2-3 Jingumae");
  await panel.getByLabel("Building / room").fill("Checkout Heights 301");
  await panel.getByRole("button", { name: "Ask us to check this address" }).click();
  await expect(panel.getByText("Checking", { exact: true })).toBeVisible();

  // While staff check, the fibre checkout explains and points to the check.
  await page.goto(checkoutUrl ?? "");
  await expect(page.getByText("“House 1G Standard” cannot be ordered yet")).toBeVisible();
  await expect(page.getByText(/still checking whether fibre reaches your address/)).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Check availability at your address" }),
  ).toHaveAttribute("href", "/catalog/internet#eligibility");
  await expect(page.getByRole("button", { name: "Place order" })).toHaveCount(0);
  await snap(page, testInfo, "checkout-fibre-01-pending");

  // Staff, in the sandbox console.
  const staff = await browser.newPage();
  await staff.goto(sandboxUrl);
  const row = staff.getByRole("row", { name: /100001/ });
  await row.getByLabel("Offering type for 100001").selectOption("Home 1G");
  await row.getByRole("button", { name: "Mark eligible" }).click();
  await expect(
    staff.getByRole("row", { name: /100001/ }).getByText("Eligible (Home 1G)"),
  ).toBeVisible();
  await staff.close();

  // The checkout opens once the portal has the answer (its cache's minute, decision 0053).
  await reloadUntil(page, async () => {
    await expect(page.getByRole("region", { name: /Installation visit/ })).toBeVisible({
      timeout: 10_000,
    });
  });
  await page.getByRole("checkbox", { name: /Wi-Fi 6 router rental/ }).check();
  const firstChoice = japanDatePlus(20);
  await page.getByLabel("First choice of date").fill(firstChoice);
  await page.getByLabel("Second choice of date (optional)").fill(japanDatePlus(21));
  await page.getByRole("radio", { name: /^Morning/ }).check();
  // The line goes in where staff found fibre: the new address, not the one on file.
  const installedAt = page.getByRole("region", { name: /Installation address/ });
  await expect(installedAt).toContainText("1-2-3 Jingumae");
  await expect(installedAt).not.toContainText("Chiyoda-ku");
  const summary = page.getByRole("region", { name: /Summary/ });
  // Plan 4,900 + router 300 a month: ¥5,720 incl. tax.
  await expect(summary).toContainText("¥5,720");
  await page.getByRole("checkbox", { name: /I agree to the terms/ }).check();
  await expectAccessible(page);
  await snap(page, testInfo, "checkout-fibre-02-form");

  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/\w+\?placed=1$/, { timeout: 30_000 });
  await expect(page.getByText("Thank you — your order has been placed")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /^Fibre internet · / })).toBeVisible();
  await expect(page.getByText("Pending review", { exact: true }).first()).toBeVisible();
  const installation = page.getByRole("heading", { name: "Installation visit" });
  await expect(installation).toBeVisible();
  await expect(page.getByText("Morning (9:00–12:00)")).toBeVisible();
  await expect(page.getByText(/1-2-3 Jingumae/).first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "checkout-fibre-03-placed");
});
