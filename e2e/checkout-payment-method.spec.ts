import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { addFirstCardInWhmcs, reloadUntil } from "./support/checkout.js";
import { demoLogin, signIn } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";

/**
 * Checkout without a payment method (issue 7): the demo customer removes her only card in the
 * (sandbox) WHMCS payment-methods page; the checkout then tells her an order needs one, keeps
 * "Place order" disabled and links to the payments page; she adds the card back through WHMCS
 * and the checkout lets her order. The card she re-adds is the seeded Visa •••• 4242, so the
 * other journeys find the demo data as seeded.
 */
test.use({ locale: "en-GB" });

test("checkout without a payment method says to add one, and allows ordering once one is added", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, demoLogin.email, demoLogin.password);
  await expect(page).toHaveURL(/\/dashboard/);

  await page.goto("/billing/payments");
  await page.getByRole("button", { name: "Add or change payment method" }).click();
  await expect(page).toHaveURL(/\/whmcs\/account\/paymentmethods$/);
  await page.getByRole("button", { name: "Remove: Visa ending 4242" }).click();
  await expect(page.getByText("Payment method removed.")).toBeVisible();
  await page.getByRole("link", { name: "Back to portal" }).click();

  await page.goto("/catalog/vpn");
  await page.getByRole("link", { name: "Choose VPN router Standard" }).click();
  await expect(page).toHaveURL(/\/checkout\?plan=01u/);
  const checkoutUrl = page.url();
  const payment = page.getByRole("region", { name: /Payment method/ });
  await reloadUntil(page, async () => {
    await expect(payment.getByText("Add a payment method to order")).toBeVisible({
      timeout: 10_000,
    });
  });
  await page.getByRole("checkbox", { name: /I agree to the terms/ }).check();
  await expect(page.getByRole("button", { name: "Place order" })).toBeDisabled();
  await expect(page.getByText("Add a payment method to place the order.")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "checkout-payment-01-none");

  await payment.getByRole("link", { name: "Add a payment method" }).click();
  await addFirstCardInWhmcs(page, "12/30");

  await page.goto(checkoutUrl);
  await reloadUntil(page, async () => {
    await expect(payment).toContainText("Visa •••• 4242", { timeout: 10_000 });
  });
  await page.getByRole("checkbox", { name: /I agree to the terms/ }).check();
  await expect(page.getByRole("button", { name: "Place order" })).toBeEnabled();
  await snap(page, testInfo, "checkout-payment-02-added");
});
