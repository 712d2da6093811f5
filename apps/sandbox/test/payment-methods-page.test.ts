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

/** Signs client `clientId` in through CreateSsoToken `clientarea:billing_info`; cookie and page path. */
async function openPaymentMethods(clientId: number): Promise<{ cookie: string; path: string }> {
  const { body } = await whmcsCall(sandbox, secrets, "CreateSsoToken", {
    client_id: clientId,
    destination: "clientarea:billing_info",
  });
  const link = raw.createSsoTokenResponseSchema.parse(body).redirect_url;
  const response = await fetch(link, { redirect: "manual" });
  expect(response.status).toBe(302);
  const cookie =
    response.headers
      .getSetCookie()
      .find((value) => value.startsWith("WHMCSClientSession="))
      ?.split(";")[0] ?? "";
  return { cookie, path: response.headers.get("location") ?? "" };
}

async function post(cookie: string, path: string, fields: Record<string, string> = {}) {
  return fetch(`${sandbox.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

async function payMethods(clientId: number): Promise<raw.WhmcsPayMethod[]> {
  const { body } = await whmcsCall(sandbox, secrets, "GetPayMethods", { clientid: clientId });
  return raw.getPayMethodsResponseSchema.parse(body).paymethods;
}

function webhookBodies(): unknown[] {
  return receiver.received.map((delivery) => JSON.parse(delivery.body) as unknown);
}

describe("GetPaymentMethods", () => {
  it("lists the shop's activated gateways as the reference shapes them", async () => {
    const { body } = await whmcsCall(sandbox, secrets, "GetPaymentMethods", {});
    expect(body).toMatchObject({
      result: "success",
      totalresults: 3,
      paymentmethods: {
        paymentmethod: [
          { module: "stripe", displayname: expect.any(String) },
          { module: "banktransfer", displayname: expect.any(String) },
          { module: "directdebit", displayname: expect.any(String) },
        ],
      },
    });
  });
});

describe("WHMCS payment-methods page", () => {
  it("opens through SSO destination clientarea:billing_info and lists the saved card as default", async () => {
    const { cookie, path } = await openPaymentMethods(1);
    expect(path).toBe("/whmcs/account/paymentmethods");
    const page = await fetch(`${sandbox.url}${path}`, { headers: { cookie } });
    const text = await page.text();
    expect(page.status).toBe(200);
    expect(text).toContain("Visa •••• 4242");
    expect(text).toContain("Default");
    expect(text).toContain('href="http://portal.test/billing/payments"');
  });

  it("adds a card: GetPayMethods shows it and a signed PayMethodChanged webhook goes out", async () => {
    const { cookie } = await openPaymentMethods(1);
    const added = await post(cookie, "/whmcs/account/paymentmethods/add", {
      type: "card",
      card_number: "5555 5555 5555 4444",
      card_expiry: "08/29",
      description: "",
    });
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toBe("/whmcs/account/paymentmethods?done=added");

    expect((await payMethods(1)).at(-1)).toMatchObject({
      type: "RemoteCreditCard",
      description: "MasterCard ending 4444",
      gateway_name: "stripe",
      card_type: "MasterCard",
      card_last_four: "4444",
      expiry_date: "08/29",
    });
    expect(webhookBodies()).toEqual([
      { event: "PayMethodChanged", clientId: 1, occurredAt: "2026-03-31T03:00:00Z" },
    ]);
    const [webhook] = receiver.received;
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

  it("adds a Japanese bank account with the number masked, makes it default, removes the card", async () => {
    const { cookie } = await openPaymentMethods(1);
    await post(cookie, "/whmcs/account/paymentmethods/add", {
      type: "bank",
      bank_name: "みずほ銀行",
      branch_name: "渋谷支店",
      bank_account_type: "ordinary",
      bank_account: "1234567",
    });
    const bank = (await payMethods(1)).at(-1);
    expect(bank).toMatchObject({
      type: "BankAccount",
      bank_name: "みずほ銀行",
      description: "みずほ銀行 渋谷支店 普通 ••••567",
    });
    expect(JSON.stringify(await payMethods(1))).not.toContain("1234567");

    const made = await post(cookie, `/whmcs/account/paymentmethods/${bank?.id}/default`);
    expect(made.status).toBe(303);
    expect((await payMethods(1)).map((method) => method.type)).toEqual([
      "BankAccount",
      "RemoteCreditCard",
    ]);

    const removed = await post(cookie, "/whmcs/account/paymentmethods/1/delete");
    expect(removed.headers.get("location")).toBe("/whmcs/account/paymentmethods?done=removed");
    expect((await payMethods(1)).map((method) => method.id)).toEqual([bank?.id]);
    expect(webhookBodies()).toHaveLength(3);
  });

  it("refuses a bad card number with the page and an error, and another client's pay method with 404", async () => {
    const { cookie } = await openPaymentMethods(2);
    const bad = await post(cookie, "/whmcs/account/paymentmethods/add", {
      type: "card",
      card_number: "4242",
      card_expiry: "08/29",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter a card number of 12 to 19 digits.");

    const foreign = await post(cookie, "/whmcs/account/paymentmethods/1/delete");
    expect(foreign.status).toBe(404);
    expect(await payMethods(1)).toHaveLength(1);
    expect(receiver.received).toHaveLength(0);
  });

  it("asks to sign in without a session", async () => {
    expect((await fetch(`${sandbox.url}/whmcs/account/paymentmethods`)).status).toBe(401);
    expect((await post("", "/whmcs/account/paymentmethods/1/delete")).status).toBe(401);
  });
});
