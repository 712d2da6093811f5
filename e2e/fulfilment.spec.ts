import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { addFirstCardInWhmcs, reloadUntil } from "./support/checkout.js";
import { fillSignup, type NewCustomer } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";
import { sandboxUrl } from "./support/stack.js";

/**
 * Fulfilment, live (issue 8), as a new customer lives it: Mei Ito (customer 100005, README "Demo
 * data") signs up, adds a card in WHMCS and orders a SIM card; staff approve it in the sandbox
 * console; the order page she keeps open moves to Activating and then to Activated without a
 * reload (server-sent events, decision 0071) — the sandbox's Freebit completes a SIM activation a
 * few seconds after accepting it, so Activating is recorded as the page shows it rather than
 * caught by polling — and the new service is on her dashboard, its first invoice in her
 * invoices. She is the journey's own customer: the WHMCS order and invoice it makes touch none of
 * the data the other journeys read (the demo customer's invoices above all).
 */
test.use({ locale: "en-GB" });

/** Customer 100005; the phone is the one on her Salesforce Account (README "Demo data"). */
const mei: NewCustomer = {
  customerNumber: "100005",
  firstName: "Mei",
  lastName: "Ito",
  lastNameKana: "イトウ",
  firstNameKana: "メイ",
  email: "mei.ito@example.jp",
  phone: "080-5678-9012",
  password: "Umeda2026autumn",
  address: {
    postcode: "530-0001",
    prefecture: "Osaka",
    city: "Kita-ku, Osaka",
    street: "2-2-2 Umeda",
    building: "Umeda Court 803",
  },
};

test("a new customer's approved SIM order moves to Activating then Activated on the open page, and its service and first invoice appear", async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto("/auth/signup");
  await fillSignup(page, request, mei);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByText("Customer number 100005")).toBeVisible();
  // No service yet.
  await expect(page.getByText("You have no services yet.")).toBeVisible();

  // A card, added in WHMCS; the sandbox's WHMCS tells the BFF by webhook, which drops the cached
  // (empty) list.
  await page.goto("/billing/payments");
  await addFirstCardInWhmcs(page, "10/31");
  await reloadUntil(page, async () => {
    await expect(page.getByText("Visa •••• 4242")).toBeVisible({ timeout: 5_000 });
  });

  await page.goto("/catalog/sim");
  await page
    .getByRole("link", { name: /^Choose / })
    .first()
    .click();
  await expect(page).toHaveURL(/\/checkout\?plan=01u/);
  await page.getByRole("radio", { name: /^SIM card/ }).check();
  await expect(page.getByRole("region", { name: /Payment method/ })).toContainText(
    "Visa •••• 4242",
  );
  await page.getByRole("checkbox", { name: /I agree to the terms/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page).toHaveURL(/\/orders\/\w+\?placed=1$/, { timeout: 30_000 });
  const orderId = /\/orders\/(\w+)/.exec(page.url())?.[1] ?? "";
  // The heading names the category and the plan: "SIM and eSIM · SIM Data+Voice 2GB" (once the
  // order has loaded: wait for it, the URL changes first).
  await expect(page.getByRole("heading", { level: 1 })).toContainText(" · ");
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  const planName = heading?.split(" · ")[1]?.trim() ?? "";
  expect(planName).not.toBe("");
  const progress = page.getByRole("list", { name: "Steps of your order" });
  await expect(progress.locator('[aria-current="step"]')).toHaveAttribute("data-step", "approved");
  await expect(
    page.getByText("Our staff are reviewing your order.", { exact: false }),
  ).toBeVisible();
  await snap(page, testInfo, "fulfilment-01-pending");
  // What the page shows from here on, as it changes: where the order is (the sentence above the
  // steps) and what the live region announces. A reload would wipe this record.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const record = () => {
      const step = document.querySelector("[data-current-step]")?.getAttribute("data-current-step");
      const announced = Array.from(document.querySelectorAll('[role="status"]'))
        .map((region) => region.textContent ?? "")
        .find((text) => text.startsWith("Order update"));
      for (const entry of [`step:${step ?? ""}`, `announced:${announced ?? ""}`]) {
        if (!seen.includes(entry)) seen.push(entry);
      }
    };
    record();
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  const seen = () => page.evaluate(() => (window as unknown as { seen?: string[] }).seen);

  // Staff approve the order in the sandbox's Salesforce console.
  const staff = await browser.newPage();
  await staff.goto(sandboxUrl);
  const row = staff.getByRole("row").filter({ has: staff.getByText(orderId, { exact: true }) });
  await row.getByRole("button", { name: "Approve order" }).click();
  await expect(
    staff.getByRole("row").filter({ has: staff.getByText(orderId, { exact: true }) }),
  ).toContainText("Approved");
  await staff.close();

  // The open page moves to Activated by itself, having shown and announced Activating first.
  await expect(progress.locator('[data-step="activated"]')).toHaveAttribute(
    "data-state",
    "complete",
    { timeout: 90_000 },
  );
  await expect(page.getByText("Your service is ready to use.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Order update: Activated" })).toHaveCount(
    1,
  );
  await expect(page.locator('[data-activation="activated"]').first()).toHaveText("Set up");
  const shown = (await seen()) ?? [];
  expect(shown).toContain("step:activating");
  expect(shown.indexOf("step:activating")).toBeLessThan(shown.indexOf("step:activated"));
  expect(shown.indexOf("announced:Order update: Activating")).toBeGreaterThanOrEqual(0);
  expect(shown.indexOf("announced:Order update: Activating")).toBeLessThan(
    shown.indexOf("announced:Order update: Activated"),
  );
  await expectAccessible(page);
  await snap(page, testInfo, "fulfilment-03-activated");

  // The dashboard: the order is active and its service is listed.
  await page.getByRole("link", { name: "Dashboard", exact: true }).first().click();
  await expect(page).toHaveURL(/\/dashboard/);
  const orders = page.getByRole("list", { name: "Your orders" });
  await expect(orders.getByRole("listitem").first()).toContainText("Set up");
  const services = page.getByRole("list", { name: "Your services" });
  await expect(services.getByRole("listitem").filter({ hasText: planName })).toContainText(
    "Active",
  );
  await snap(page, testInfo, "fulfilment-04-dashboard");

  // WHMCS billed the order: its first invoice, unpaid, is her only invoice.
  await page.goto("/billing/invoices");
  const invoices = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("link") });
  await expect(invoices).toHaveCount(1);
  await expect(invoices.first()).toContainText("Unpaid");
});
