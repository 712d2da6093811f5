import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility.js";
import { demoLogin, signIn } from "./support/portal-pages.js";
import { snap } from "./support/screenshots.js";
import { sandboxUrl } from "./support/stack.js";

/**
 * The "Japanese-first portal" review fixes, in a real browser against the whole stack: paying
 * from where the customer is, not-found and past-the-end pages, the way back to the list, phone
 * tap targets, large text, and accessibility in the light and dark schemes. Read in English
 * (`en-GB`); the demo customer may have paid the overdue invoice in journey.spec.ts already, so
 * these tests rely only on what stays true either way (the newest invoice stays unpaid, paid
 * invoices fill two pages).
 */
test.use({ locale: "en-GB" });

async function signInAsDemo(page: Page): Promise<void> {
  await signIn(page, demoLogin.email, demoLogin.password);
  await expect(page).toHaveURL(/\/dashboard/);
}

/** The WHMCS invoice page the one-time payment link opens, for invoice `id` (any when omitted). */
function whmcsInvoicePage(id?: string): RegExp {
  return new RegExp(`/whmcs/viewinvoice\\.php\\?id=${id ?? "\\d+"}`);
}

test("Pay on the dashboard's payment card opens the invoice's payment page", async ({
  page,
}, testInfo) => {
  await signInAsDemo(page);
  const pay = page.getByRole("button", { name: /^Pay invoice INV-\d{6}-\d+$/ });
  await expect(pay).toBeVisible();
  await snap(page, testInfo, "ux-01-dashboard-pay");

  await pay.click();
  await expect(page).toHaveURL(whmcsInvoicePage());
});

test("Pay on an unpaid row of the list opens that invoice's payment page", async ({ page }) => {
  await signInAsDemo(page);
  await page.goto("/billing/invoices?status=unpaid");
  const row = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("button", { name: /^Pay invoice/ }) })
    .first();
  await expect(row).toBeVisible();
  const href = (await row.getByRole("link").getAttribute("href")) ?? "";
  const id = /\/billing\/invoices\/(\d+)/.exec(href)?.[1];
  expect(id).toBeDefined();

  await row.getByRole("button", { name: /^Pay invoice/ }).click();
  await expect(page).toHaveURL(whmcsInvoicePage(id));
});

test("an unknown signed-in page is not found inside the portal shell, with support", async ({
  page,
}, testInfo) => {
  await signInAsDemo(page);

  const response = await page.goto("/billing/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  // The shell: its navigation and the customer's account controls.
  await expect(page.getByRole("link", { name: "Invoices", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  // The support contact on the error page itself.
  await expect(page.getByRole("main").getByRole("link", { name: /0120-000-000/ })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: /support@/ })).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "ux-02-not-found-in-shell");

  await page.goto("/dashboard/nothing/here");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
});

test("an invoice id longer than any invoice's is not found, not an error", async ({ page }) => {
  await signInAsDemo(page);
  for (const id of ["99999999999", "2147483648"]) {
    await page.goto(`/billing/invoices/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Invoice not found" })).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
  }
});

test("a page number past the end says so and links to the last page", async ({
  page,
}, testInfo) => {
  await signInAsDemo(page);
  await page.goto("/billing/invoices?page=9");
  await expect(page.getByRole("heading", { name: "There is no page 9" })).toBeVisible();
  await snap(page, testInfo, "ux-03-past-the-end");

  await page.getByRole("link", { name: "Go to page 2" }).click();
  await expect(page).toHaveURL(/\/billing\/invoices\?page=2$/);
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
});

test("Back to invoices returns to the filter and page the invoice was opened from", async ({
  page,
}) => {
  await signInAsDemo(page);
  await page.goto("/billing/invoices?status=paid&page=2");
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await page.getByRole("table").getByRole("link", { name: /INV-/ }).first().click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible();

  await page.getByRole("link", { name: "Back to invoices" }).click();
  await expect(page).toHaveURL(/\/billing\/invoices\?status=paid&page=2$/);
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("paid");

  // Also after a reload of the invoice page (the position travels in its URL).
  await page.getByRole("table").getByRole("link", { name: /INV-/ }).first().click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible();
  await page.reload();
  await page.getByRole("link", { name: "Back to invoices" }).click();
  await expect(page).toHaveURL(/\/billing\/invoices\?status=paid&page=2$/);
});

test("a slow billing system shows 'taking longer than usual', then the data", async ({
  page,
  request,
}, testInfo) => {
  await signInAsDemo(page);
  // The sandbox's WHMCS answers the next invoice list 5 s late (within the BFF's 10 s budget).
  const fault = await request.post(`${sandboxUrl}/__control/faults`, {
    data: { system: "whmcs", match: "GetInvoices", kind: "latency", latencyMs: 5_000, times: 1 },
  });
  expect(fault.status()).toBe(201);
  try {
    // A filter not read before, so the BFF's cache cannot answer it.
    await page.goto("/billing/invoices?status=refunded");
    await expect(page.getByText("This is taking longer than usual")).toBeVisible();
    await snap(page, testInfo, "ux-08-slow-upstream");
    await expect(page.getByRole("heading", { name: /^No invoices marked/ })).toBeVisible();
    await expect(page.getByText("This is taking longer than usual")).toHaveCount(0);
  } finally {
    await request.delete(`${sandboxUrl}/__control/faults`);
  }
});

test.describe("on a 360 px wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  /**
   * Every visible control (links, buttons, form fields) is at least 44 × 44 CSS px, measured from
   * its bounding box. Screen-reader-only elements (1 × 1 px, or clipped until focused) are not on
   * screen and are skipped.
   */
  async function expectTapTargets(page: Page): Promise<void> {
    const small = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll("a[href], button, select, input, textarea, [role=button]"),
      )
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ element, box }) => {
          const style = getComputedStyle(element);
          // Visually hidden until focused (`sr-only`: clipped to nothing), like the skip link.
          const clipped =
            style.clipPath.startsWith("inset(50%") || style.clip === "rect(0px, 0px, 0px, 0px)";
          return box.width > 1 && box.height > 1 && style.visibility !== "hidden" && !clipped;
        })
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(
          ({ element, box }) =>
            `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim() || element.getAttribute("aria-label")}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        ),
    );
    expect(small, `tap targets under 44 × 44 px on ${page.url()}`).toEqual([]);
  }

  test("every tap target is at least 44 × 44 px", async ({ page }, testInfo) => {
    await signInAsDemo(page);
    await expect(page.getByRole("heading", { name: "Welcome, Taro" })).toBeVisible();
    await expectTapTargets(page);
    await snap(page, testInfo, "ux-04-phone-dashboard");

    await page.goto("/billing/invoices");
    await expect(page.getByRole("link", { name: /INV-/ }).first()).toBeVisible();
    await expectTapTargets(page);

    await page.getByRole("link", { name: /INV-/ }).first().click();
    await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible();
    await expectTapTargets(page);

    await page.getByRole("button", { name: "Open navigation" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectTapTargets(page);
  });

  test("invoice numbers are never cut off at large text sizes", async ({ page }, testInfo) => {
    await signInAsDemo(page);
    await page.goto("/billing/invoices");
    const numbers = page.getByRole("link", { name: /INV-/ });
    await expect(numbers.first()).toBeVisible();
    // The browser's text size at 200 % (the portal sizes text in rem).
    await page.evaluate(() => {
      document.documentElement.style.fontSize = "200%";
    });
    const clipped = await numbers.evaluateAll((links) =>
      links
        .filter((link) => link.getBoundingClientRect().width > 0)
        .filter(
          (link) =>
            link.scrollWidth > link.clientWidth ||
            link.getBoundingClientRect().right > window.innerWidth,
        )
        .map((link) => link.textContent),
    );
    expect(clipped).toEqual([]);
    await snap(page, testInfo, "ux-05-phone-large-text");
  });
});

test.describe("in the dark colour scheme", () => {
  test.use({ colorScheme: "dark" });

  test("the portal turns dark and still meets WCAG 2.1 AA as axe-core checks it", async ({
    page,
  }, testInfo) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/auth/login");
    await expect(page.locator("body")).toHaveCSS("background-color", "rgb(11, 18, 32)");
    await expectAccessible(page);

    await signInAsDemo(page);
    await expect(page.getByRole("heading", { name: "Welcome, Taro" })).toBeVisible();
    await expectAccessible(page);
    await snap(page, testInfo, "ux-06-dark-dashboard");

    await page.goto("/billing/invoices");
    const firstInvoice = page.getByRole("table").getByRole("link", { name: /INV-/ }).first();
    await expect(firstInvoice).toBeVisible();
    await expectAccessible(page);

    await firstInvoice.click();
    await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible();
    await expectAccessible(page);
    await snap(page, testInfo, "ux-07-dark-invoice");

    await page.goto("/billing/no-such-page");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectAccessible(page);
  });
});
