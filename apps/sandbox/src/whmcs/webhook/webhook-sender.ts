import { signWebhook } from "@portal/whmcs";
import type { Logger } from "pino";
import type { Clock } from "../../server/clock.js";

/**
 * Events the sandbox's WHMCS sends, as the portal hook names them: `InvoicePaid` (hook point
 * InvoicePaid) and `PayMethodChanged` (a pay method added, removed or made the default; see
 * decision 0055 for the hook points).
 */
export type WebhookEvent =
  | { event: "InvoicePaid"; clientId: number; invoiceId: number }
  | { event: "PayMethodChanged"; clientId: number };

/** The outcome of one webhook POST, kept for the operator console. */
export interface WebhookDelivery {
  /** ISO 8601 UTC time of sending. */
  at: string;
  event: WebhookEvent["event"];
  clientId: number;
  /** The invoice of an invoice event. */
  invoiceId?: number;
  url: string;
  /** HTTP status of the answer; null when no answer came (connection refused, timeout). */
  status: number | null;
  /** True for a 2xx answer. */
  ok: boolean;
  /** Why it failed, when it did. */
  error?: string;
}

const DELIVERY_TIMEOUT_MS = 10_000;
const KEPT_DELIVERIES = 20;

/**
 * Posts signed webhooks the way the WHMCS hook (packages/integrations/whmcs/hook/) does:
 * JSON `{ event, clientId, invoiceId?, occurredAt }` with `X-Portal-Timestamp` and
 * `X-Portal-Signature` from `signWebhook`. A failed delivery is logged and recorded, never
 * thrown: in WHMCS a failing hook does not undo the payment.
 * Source: docs/architecture/wiring.md "Webhook from the WHMCS hook"; decision 0004.
 */
export class WebhookSender {
  private readonly recent: WebhookDelivery[] = [];

  constructor(
    private targetUrl: string | null,
    private readonly secret: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Where webhooks go; null switches them off. */
  get url(): string | null {
    return this.targetUrl;
  }

  setUrl(url: string | null): void {
    this.targetUrl = url;
  }

  /** The last deliveries, newest first. */
  deliveries(): readonly WebhookDelivery[] {
    return this.recent;
  }

  /** Sends `event` and resolves with the delivery record, or null when no URL is configured. */
  async send(event: WebhookEvent): Promise<WebhookDelivery | null> {
    const url = this.targetUrl;
    if (url === null) return null;
    const now = this.clock();
    const occurredAt = now.toISOString().replace(/\.\d{3}Z$/, "Z");
    const body = JSON.stringify({ ...event, occurredAt });
    const headers = signWebhook(body, this.secret, Math.floor(now.getTime() / 1000));
    const delivery: WebhookDelivery = { at: occurredAt, ...event, url, status: null, ok: false };
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
      delivery.ok = response.ok;
      if (!response.ok) delivery.error = `HTTP ${response.status}`;
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    if (delivery.ok) {
      this.logger.info({ webhook: delivery }, "webhook delivered");
    } else {
      this.logger.warn({ webhook: delivery }, "webhook delivery failed");
    }
    this.recent.unshift(delivery);
    this.recent.splice(KEPT_DELIVERIES);
    return delivery;
  }
}
