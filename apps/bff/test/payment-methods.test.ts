import {
  paymentMethodsOverviewSchema,
  ssoLinkSchema,
  type PaymentMethodsOverview,
} from "@portal/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { eventually } from "./support/eventually.js";
import { HttpSession } from "./support/http-session.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;
let demo: PortalClient;

async function overview(client: PortalClient): Promise<PaymentMethodsOverview> {
  const response = await client.get("/api/payment-methods");
  expect(response.status).toBe(200);
  return paymentMethodsOverviewSchema.parse(response.json);
}

beforeAll(async () => {
  stack = await startStack();
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
});

afterAll(async () => {
  await stack?.close();
});

afterEach(async () => {
  await stack.control.clearFaults();
});

describe("WHMCS faults (first: nothing is cached yet)", () => {
  it("answers a malformed GetPaymentMethods with 502 UPSTREAM_ERROR", async () => {
    await stack.control.fault({ system: "whmcs", match: "GetPaymentMethods", kind: "malformed" });

    expectApiError(await demo.get("/api/payment-methods"), 502, "UPSTREAM_ERROR");
  });

  it("answers a WHMCS outage on GetPayMethods with 503 UPSTREAM_UNAVAILABLE", async () => {
    const client = stack.newClient();
    expect((await client.signup(signupBody(UNREGISTERED.hanako))).status).toBe(201);
    await stack.control.fault({ system: "whmcs", match: "GetPayMethods", kind: "http5xx" });

    expectApiError(await client.get("/api/payment-methods"), 503, "UPSTREAM_UNAVAILABLE");
  });

  it("answers a WHMCS outage on CreateSsoToken with 503", async () => {
    await stack.control.fault({ system: "whmcs", match: "CreateSsoToken", kind: "http5xx" });

    expectApiError(await demo.post("/api/payment-methods/sso-link"), 503, "UPSTREAM_UNAVAILABLE");
  });
});

describe("GET /api/payment-methods", () => {
  it("lists the demo's saved card as default and the shop's gateways", async () => {
    const result = await overview(demo);

    expect(result.methods).toEqual([
      {
        id: 1,
        type: "remote_card",
        description: "Visa ending 4242",
        cardBrand: "Visa",
        cardLastFour: "4242",
        expiry: expect.stringMatching(/^12\/\d{2}$/),
        expired: false,
        bankName: null,
        isDefault: true,
      },
    ]);
    expect(result.gateways.map((gateway) => gateway.module)).toEqual([
      "stripe",
      "banktransfer",
      "directdebit",
    ]);
    expect(result.gateways.every((gateway) => gateway.displayName.length > 0)).toBe(true);
  });

  it("lists no methods for a new customer", async () => {
    const client = stack.newClient();
    expect((await client.signup(signupBody(UNREGISTERED.kenji))).status).toBe(201);

    expect((await overview(client)).methods).toEqual([]);
  });

  it("answers 401 without a session", async () => {
    expectApiError(await stack.newClient().get("/api/payment-methods"), 401, "UNAUTHENTICATED");
  });

  it("serves repeated reads from the cache", async () => {
    await overview(demo);
    await stack.control.resetCalls();

    await overview(demo);
    await overview(demo);

    const calls = (await stack.control.calls()).whmcs;
    expect({
      GetPayMethods: calls.GetPayMethods ?? 0,
      GetPaymentMethods: calls.GetPaymentMethods ?? 0,
    }).toEqual({ GetPayMethods: 0, GetPaymentMethods: 0 });
  });
});

describe("POST /api/payment-methods/sso-link", () => {
  it("answers 401 without a session", async () => {
    expectApiError(
      await stack.newClient().post("/api/payment-methods/sso-link"),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("opens the WHMCS payment-methods page; a card added there shows up once the webhook lands", async () => {
    await overview(demo);
    const response = await demo.post("/api/payment-methods/sso-link");
    expect(response.status).toBe(200);
    const link = ssoLinkSchema.parse(response.json);
    expect(link.url.startsWith(`${stack.sandbox.url}/whmcs/`)).toBe(true);

    const browser = new HttpSession(link.url);
    const landing = await browser.request("GET", link.url);
    expect(landing.status).toBe(302);
    const pageUrl = new URL(landing.headers.get("location") ?? "", link.url).toString();
    expect(new URL(pageUrl).pathname).toBe("/whmcs/account/paymentmethods");
    const page = await browser.request("GET", pageUrl);
    expect(page.text).toContain("Visa •••• 4242");

    const added = await browser.request("POST", `${pageUrl}/add`, {
      rawBody: new URLSearchParams({
        type: "card",
        card_number: "3530111333300000",
        card_expiry: "09/30",
      }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(added.status).toBe(303);

    const after = await eventually(
      () => overview(demo),
      (result) => result.methods.length === 2,
    );
    expect(after.methods[1]).toMatchObject({
      type: "remote_card",
      cardBrand: "JCB",
      cardLastFour: "0000",
      expiry: "09/30",
      isDefault: false,
    });
  });
});
