import { expect, test } from "@playwright/test";
import { demoLogin } from "./support/portal-pages.js";
import { portalUrl } from "./support/stack.js";

/**
 * Known open-redirect bypasses for the `?next=` of the sign-in page (OWASP Unvalidated Redirects
 * and Forwards Cheat Sheet; PortSwigger "open redirection" payloads). Each is followed by a real
 * browser, which resolves URLs its own way: after signing in the customer must still be on the
 * portal, at the dashboard.
 */
const BYPASSES = [
  "/.//evil.example",
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "/./\\evil.example",
  "/a/..//evil.example",
  "https://evil.example/dashboard",
  "javascript:alert(document.domain)",
];

for (const next of BYPASSES) {
  test(`signing in with ?next=${next} stays on the portal`, async ({ page }) => {
    await page.goto(`/auth/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(demoLogin.email);
    await page.getByLabel("Password").fill(demoLogin.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(`${portalUrl}/dashboard`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
}

test("signing in with a same-site ?next= goes there", async ({ page }) => {
  await page.goto(`/auth/login?next=${encodeURIComponent("/billing/invoices?status=paid")}`);
  await page.getByLabel("Email").fill(demoLogin.email);
  await page.getByLabel("Password").fill(demoLogin.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(`${portalUrl}/billing/invoices?status=paid`);
});
