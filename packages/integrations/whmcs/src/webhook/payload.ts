import { z } from "zod";

/**
 * The JSON body the WHMCS hook (hook/portal_webhook.php) posts to `/api/webhooks/whmcs`.
 * Event names are the WHMCS hook points; ids may arrive as strings (PHP) and are coerced.
 * Invoice events carry `invoiceId`; `ClientEdit` and `PayMethodChanged` (a pay method added,
 * removed or made the default; decision 0055) do not. `occurredAt` is ISO 8601 UTC.
 * Source: docs/architecture/wiring.md "Webhook from the WHMCS hook";
 * WHMCS/developer-docs hooks-reference/invoices-and-quotes.md, client.md.
 */
export const whmcsWebhookPayloadSchema = z
  .object({
    event: z.enum([
      "InvoicePaid",
      "InvoiceCreated",
      "InvoiceCancelled",
      "InvoiceRefunded",
      "ClientEdit",
      "PayMethodChanged",
    ]),
    clientId: z.coerce.number().int().positive(),
    invoiceId: z.coerce.number().int().positive().optional(),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .refine((payload) => !isInvoiceEvent(payload.event) || payload.invoiceId !== undefined, {
    message: "Invoice events need an invoiceId",
    path: ["invoiceId"],
  });
export type WhmcsWebhookPayload = z.output<typeof whmcsWebhookPayloadSchema>;

function isInvoiceEvent(event: string): event is keyof typeof INVOICE_EVENT_KIND {
  return event in INVOICE_EVENT_KIND;
}

/** What changed in billing, in the portal's terms (the BFF busts caches and notifies on it). */
export type BillingEvent =
  | {
      kind: "invoice_paid" | "invoice_created" | "invoice_cancelled" | "invoice_refunded";
      clientId: number;
      invoiceId: number;
      /** ISO 8601 UTC. */
      occurredAt: string;
    }
  | {
      kind: "client_updated" | "pay_methods_changed";
      clientId: number;
      /** ISO 8601 UTC. */
      occurredAt: string;
    };

const INVOICE_EVENT_KIND = {
  InvoicePaid: "invoice_paid",
  InvoiceCreated: "invoice_created",
  InvoiceCancelled: "invoice_cancelled",
  InvoiceRefunded: "invoice_refunded",
} as const;

/**
 * Maps a validated webhook payload to a `BillingEvent`; `occurredAt` is normalised to UTC.
 * @throws Error when an invoice event lacks its invoice id (the schema already refuses it).
 */
export function toBillingEvent(payload: WhmcsWebhookPayload): BillingEvent {
  const occurredAt = new Date(payload.occurredAt).toISOString();
  if (payload.event === "ClientEdit") {
    return { kind: "client_updated", clientId: payload.clientId, occurredAt };
  }
  if (payload.event === "PayMethodChanged") {
    return { kind: "pay_methods_changed", clientId: payload.clientId, occurredAt };
  }
  if (payload.invoiceId === undefined) {
    throw new Error(`${payload.event} webhook without invoiceId`);
  }
  return {
    kind: INVOICE_EVENT_KIND[payload.event],
    clientId: payload.clientId,
    invoiceId: payload.invoiceId,
    occurredAt,
  };
}
