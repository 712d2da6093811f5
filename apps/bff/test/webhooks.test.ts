import { signWebhook } from "@portal/whmcs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO } from "./support/demo-data.js";
import { HttpSession, type TestResponse } from "./support/http-session.js";
import { startStack, type Stack } from "./support/stack.js";

const PATH = "/api/webhooks/whmcs";
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function payload(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    event: "InvoicePaid",
    clientId: DEMO.whmcsClientId,
    invoiceId: 1001,
    occurredAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...overrides,
  });
}

/** Posts as the WHMCS hook does: no cookies, no CSRF token, only the signature headers. */
function deliver(rawBody: string, headers: Record<string, string>): Promise<TestResponse> {
  return new HttpSession(stack.bffUrl).request("POST", PATH, {
    rawBody,
    headers: { "content-type": "application/json", ...headers },
  });
}

function signed(rawBody: string, timestamp = nowSeconds()): Record<string, string> {
  return { ...signWebhook(rawBody, stack.secrets.whmcsWebhookSecret, timestamp) };
}

describe("POST /api/webhooks/whmcs", () => {
  it("accepts a correctly signed invoice event with 204", async () => {
    const body = payload();

    const response = await deliver(body, signed(body));

    expect(response.status).toBe(204);
    expect(response.text).toBe("");
  });

  it("accepts a client event, which has no invoice id", async () => {
    const body = JSON.stringify({
      event: "ClientEdit",
      clientId: DEMO.whmcsClientId,
      occurredAt: "2026-01-02T03:04:05Z",
    });

    expect((await deliver(body, signed(body))).status).toBe(204);
  });

  it("accepts a timestamp inside the replay window", async () => {
    const body = payload({ event: "InvoiceCreated" });

    expect((await deliver(body, signed(body, nowSeconds() - 60))).status).toBe(204);
  });

  it("refuses the same signed request a second time inside the window, with 409", async () => {
    const body = payload({ invoiceId: 1002 });
    const headers = signed(body);
    expect((await deliver(body, headers)).status).toBe(204);

    const replayed = await Promise.all([deliver(body, headers), deliver(body, headers)]);

    for (const response of replayed) {
      expectApiError(response, 409, "CONFLICT");
    }
    const resigned = signed(body, nowSeconds() + 1);
    expect((await deliver(body, resigned)).status).toBe(204);
  });

  it("rejects a wrong signature", async () => {
    const body = payload();
    const headers = { ...signed(body), "x-portal-signature": `sha256=${"0".repeat(64)}` };

    expectApiError(await deliver(body, headers), 401, "WEBHOOK_SIGNATURE_INVALID");
  });

  it("rejects a signature made with another secret", async () => {
    const body = payload();
    const headers = {
      ...signWebhook(body, "another-secret-of-at-least-32-characters!", nowSeconds()),
    };

    expectApiError(await deliver(body, headers), 401, "WEBHOOK_SIGNATURE_INVALID");
  });

  it.each(["x-portal-signature", "x-portal-timestamp"])(
    "rejects a request without %s",
    async (header) => {
      const body = payload();
      const headers = signed(body);
      delete headers[header];

      expectApiError(await deliver(body, headers), 401, "WEBHOOK_SIGNATURE_INVALID");
    },
  );

  it("rejects a request without any signature header", async () => {
    expectApiError(await deliver(payload(), {}), 401, "WEBHOOK_SIGNATURE_INVALID");
  });

  it("rejects a correctly signed but stale request (older than 300 s)", async () => {
    const body = payload();

    expectApiError(
      await deliver(body, signed(body, nowSeconds() - 301)),
      401,
      "WEBHOOK_SIGNATURE_INVALID",
    );
  });

  it("rejects a body changed after signing", async () => {
    const body = payload();
    const tampered = body.replace('"invoiceId":1001', '"invoiceId":1002');
    expect(tampered).not.toBe(body);

    expectApiError(await deliver(tampered, signed(body)), 401, "WEBHOOK_SIGNATURE_INVALID");
  });

  it.each([
    ["an unknown event", payload({ event: "InvoiceEaten" })],
    ["a client id that is not a number", payload({ clientId: "one" })],
    ["a missing client id", payload({ clientId: undefined })],
    ["a body that is not JSON", "event=InvoicePaid&clientId=1"],
  ])("answers 400 to a correctly signed payload with %s", async (_case, body) => {
    expectApiError(await deliver(body, signed(body)), 400, "VALIDATION_FAILED");
  });
});
