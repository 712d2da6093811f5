import { raw, verifyWebhookSignature } from "@portal/whmcs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../src/index.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  TEST_NOW,
  whmcsCall,
  type TestSecrets,
} from "./support/test-sandbox.js";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver.js";

let secrets: TestSecrets;
let sandbox: Sandbox;
let receiver: WebhookReceiver;

beforeAll(async () => {
  secrets = await createTestSecrets();
  receiver = await startWebhookReceiver();
  sandbox = await startTestSandbox(secrets);
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
  await removeTestSecrets(secrets);
});
beforeEach(async () => {
  await sandbox.reset();
  sandbox.setWebhookUrl(receiver.url);
  receiver.received.length = 0;
});

/** CreateSsoToken for `clientId` → `viewinvoice.php?id=<invoiceId>`; the redirect URL. */
async function ssoLink(clientId: number, invoiceId: number): Promise<string> {
  const { body } = await whmcsCall(sandbox, secrets, "CreateSsoToken", {
    client_id: clientId,
    destination: "sso:custom_redirect",
    sso_redirect_path: `viewinvoice.php?id=${invoiceId}`,
  });
  return raw.createSsoTokenResponseSchema.parse(body).redirect_url;
}

/** Follows the SSO link; the session cookie and the redirect target. */
async function signIn(link: string): Promise<{ cookie: string; location: string }> {
  const response = await fetch(link, { redirect: "manual" });
  expect(response.status).toBe(302);
  const cookie = response.headers
    .getSetCookie()
    .find((value) => value.startsWith("WHMCSClientSession="));
  expect(cookie).toMatch(/HttpOnly/i);
  return {
    cookie: (cookie ?? "").split(";")[0] ?? "",
    location: response.headers.get("location") ?? "",
  };
}

describe("WHMCS client area", () => {
  it("signs in through the SSO link, shows the invoice with Pay now, pays it and sends a signed InvoicePaid webhook", async () => {
    const { cookie, location } = await signIn(await ssoLink(1, 1014));
    expect(location).toBe("/whmcs/viewinvoice.php?id=1014");

    const page = await fetch(`${sandbox.url}${location}`, { headers: { cookie } });
    const pageHtml = await page.text();
    expect(page.status).toBe(200);
    expect(pageHtml).toContain("INV-202603-1014");
    expect(pageHtml).toContain("Fibre 1G Home");
    expect(pageHtml).toContain("¥5,830");
    expect(pageHtml).toContain(">Pay now</button>");
    expect(pageHtml).toContain("••4242");

    const paid = await fetch(`${sandbox.url}${location}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "paymethod=1",
    });
    const paidHtml = await paid.text();
    expect(paid.status).toBe(200);
    expect(paidHtml).toContain("Payment received — thank you");
    expect(paidHtml).toMatch(/<dt>Status<\/dt>\s*<dd>Paid<\/dd>/);
    expect(paidHtml).toContain('href="http://portal.test/billing/invoices/1014"');
    expect(paidHtml).toContain("Back to portal");
    expect(paidHtml).not.toContain(">Pay now</button>");

    const invoice = raw.getInvoiceResponseSchema.parse(
      (await whmcsCall(sandbox, secrets, "GetInvoice", { invoiceid: 1014 })).body,
    );
    expect(invoice.status).toBe("Paid");
    expect(invoice.datepaid).toBe("2026-03-31 03:00:00");
    expect(invoice.transactions).toEqual([
      expect.objectContaining({ gateway: "stripe", amountin: "5830.00" }),
    ]);

    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    expect(JSON.parse(webhook?.body ?? "")).toEqual({
      event: "InvoicePaid",
      clientId: 1,
      invoiceId: 1014,
      occurredAt: "2026-03-31T03:00:00Z",
    });
    expect(
      verifyWebhookSignature({
        rawBody: webhook?.body ?? "",
        timestamp: String(webhook?.headers["x-portal-timestamp"]),
        signature: String(webhook?.headers["x-portal-signature"]),
        secret: secrets.whmcsWebhookSecret,
        nowSeconds: TEST_NOW.getTime() / 1000,
        windowSeconds: 300,
      }),
    ).toEqual({ ok: true });
  });

  it("accepts an SSO token only once", async () => {
    const link = await ssoLink(1, 1014);
    await signIn(link);
    const again = await fetch(link, { redirect: "manual" });
    expect(again.status).toBe(403);
    expect(await again.text()).toContain("expired or was already used");
  });

  it("rejects an SSO token after 60 seconds", async () => {
    let now = TEST_NOW;
    const clocked = await startTestSandbox(secrets, { now: () => now });
    try {
      const { body } = await whmcsCall(clocked, secrets, "CreateSsoToken", { client_id: 1 });
      const link = raw.createSsoTokenResponseSchema.parse(body).redirect_url;
      now = new Date(TEST_NOW.getTime() + 61_000);
      expect((await fetch(link, { redirect: "manual" })).status).toBe(403);
    } finally {
      await clocked.close();
    }
  });

  it("denies another client's invoice and asks to sign in without a session", async () => {
    const { cookie } = await signIn(await ssoLink(2, 1017));
    const foreign = await fetch(`${sandbox.url}/whmcs/viewinvoice.php?id=1014`, {
      headers: { cookie },
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("Access denied");
    const payForeign = await fetch(`${sandbox.url}/whmcs/viewinvoice.php?id=1014`, {
      method: "POST",
      headers: { cookie },
    });
    expect(payForeign.status).toBe(403);
    const status = raw.getInvoiceResponseSchema.parse(
      (await whmcsCall(sandbox, secrets, "GetInvoice", { invoiceid: 1014 })).body,
    ).status;
    expect(status).toBe("Unpaid");

    expect((await fetch(`${sandbox.url}/whmcs/viewinvoice.php?id=1017`)).status).toBe(401);
  });

  it("still completes the payment when the webhook receiver is down", async () => {
    sandbox.setWebhookUrl("http://127.0.0.1:9/unreachable");
    const { cookie, location } = await signIn(await ssoLink(1, 1013));
    const paid = await fetch(`${sandbox.url}${location}`, { method: "POST", headers: { cookie } });
    expect(await paid.text()).toContain("Payment received — thank you");
    const invoice = raw.getInvoiceResponseSchema.parse(
      (await whmcsCall(sandbox, secrets, "GetInvoice", { invoiceid: 1013 })).body,
    );
    expect(invoice.status).toBe("Paid");
  });

  it("lists the signed-in client's invoices on the client area home", async () => {
    const { body } = await whmcsCall(sandbox, secrets, "CreateSsoToken", { client_id: 2 });
    const { cookie, location } = await signIn(
      raw.createSsoTokenResponseSchema.parse(body).redirect_url,
    );
    expect(location).toBe("/whmcs/clientarea.php");
    const home = await (await fetch(`${sandbox.url}${location}`, { headers: { cookie } })).text();
    expect(home).toContain("other@example.com");
    expect(home).toContain("viewinvoice.php?id=1017");
    expect(home).not.toContain("viewinvoice.php?id=1014");
  });
});

describe("control API payments", () => {
  it("pays an invoice like the Pay button, webhook included, and refuses a paid one", async () => {
    const response = await fetch(`${sandbox.url}/__control/whmcs/invoices/1014/pay`, {
      method: "POST",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      invoiceId: 1014,
      status: "Paid",
      webhook: { ok: true, status: 204 },
    });
    expect(receiver.received).toHaveLength(1);

    expect(
      (await fetch(`${sandbox.url}/__control/whmcs/invoices/1014/pay`, { method: "POST" })).status,
    ).toBe(409);
    expect(
      (await fetch(`${sandbox.url}/__control/whmcs/invoices/5/pay`, { method: "POST" })).status,
    ).toBe(404);
  });

  it("sends webhooks to the URL set with PUT /__control/webhook, or nowhere when null", async () => {
    const off = await fetch(`${sandbox.url}/__control/webhook`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: null }),
    });
    expect(off.status).toBe(204);
    const paid = await fetch(`${sandbox.url}/__control/whmcs/invoices/1014/pay`, {
      method: "POST",
    });
    expect(await paid.json()).toMatchObject({ status: "Paid", webhook: null });
    expect(receiver.received).toHaveLength(0);
  });
});
