import { describe, expect, it } from "vitest";
import { toBillingEvent, whmcsWebhookPayloadSchema } from "../../src/index.js";

describe("whmcsWebhookPayloadSchema", () => {
  it("reads an invoice event, coercing ids sent as strings", () => {
    const payload = whmcsWebhookPayloadSchema.parse({
      event: "InvoicePaid",
      clientId: "1",
      invoiceId: "1001",
      occurredAt: "2026-11-21T04:26:56Z",
    });
    expect(payload).toEqual({
      event: "InvoicePaid",
      clientId: 1,
      invoiceId: 1001,
      occurredAt: "2026-11-21T04:26:56Z",
    });
  });

  it("reads a pay-method event without an invoice and maps it to pay_methods_changed", () => {
    const payload = whmcsWebhookPayloadSchema.parse({
      event: "PayMethodChanged",
      clientId: "7",
      occurredAt: "2026-11-21T04:26:56Z",
    });
    expect(toBillingEvent(payload)).toEqual({
      kind: "pay_methods_changed",
      clientId: 7,
      occurredAt: "2026-11-21T04:26:56.000Z",
    });
  });

  it("reads a client event without an invoice", () => {
    const payload = whmcsWebhookPayloadSchema.parse({
      event: "ClientEdit",
      clientId: 1,
      occurredAt: "2026-11-21T04:26:56Z",
    });
    expect(payload.invoiceId).toBeUndefined();
  });

  it.each([
    [
      "an unknown event",
      { event: "InvoiceCreation", clientId: 1, invoiceId: 1, occurredAt: "2026-11-21T04:26:56Z" },
    ],
    [
      "an invoice event without invoiceId",
      { event: "InvoiceRefunded", clientId: 1, occurredAt: "2026-11-21T04:26:56Z" },
    ],
    [
      "a non-numeric client id",
      { event: "ClientEdit", clientId: "one", occurredAt: "2026-11-21T04:26:56Z" },
    ],
    ["a date without time", { event: "ClientEdit", clientId: 1, occurredAt: "2026-11-21" }],
  ])("refuses %s", (_label, body) => {
    expect(whmcsWebhookPayloadSchema.safeParse(body).success).toBe(false);
  });
});

describe("toBillingEvent", () => {
  it.each([
    ["InvoicePaid", "invoice_paid"],
    ["InvoiceCreated", "invoice_created"],
    ["InvoiceCancelled", "invoice_cancelled"],
    ["InvoiceRefunded", "invoice_refunded"],
  ] as const)("maps %s to %s", (event, kind) => {
    expect(
      toBillingEvent({
        event,
        clientId: 1,
        invoiceId: 1001,
        occurredAt: "2026-11-21T13:26:56+09:00",
      }),
    ).toEqual({
      kind,
      clientId: 1,
      invoiceId: 1001,
      occurredAt: "2026-11-21T04:26:56.000Z",
    });
  });

  it("maps ClientEdit to client_updated", () => {
    expect(
      toBillingEvent({ event: "ClientEdit", clientId: 2, occurredAt: "2026-11-21T04:26:56Z" }),
    ).toEqual({
      kind: "client_updated",
      clientId: 2,
      occurredAt: "2026-11-21T04:26:56.000Z",
    });
  });
});
