import { randomBytes } from "node:crypto";
import type { Clock } from "../../server/clock.js";
import { utcDateTime } from "../../server/clock.js";
import type { WhmcsInvoice } from "../state/whmcs-state.js";
import type { VersionedStore } from "../../state/versioned-store.js";
import type { WhmcsState } from "../state/whmcs-state.js";
import type { WebhookDelivery, WebhookSender } from "../webhook/webhook-sender.js";

/** Statuses a client can pay from the invoice page. */
const PAYABLE = new Set<WhmcsInvoice["status"]>(["Unpaid", "Collections"]);

/** The result of a payment attempt. */
export type PaymentOutcome =
  | { kind: "paid"; invoice: WhmcsInvoice; webhook: WebhookDelivery | null }
  | { kind: "not-payable"; invoice: WhmcsInvoice }
  | { kind: "not-found" };

/**
 * Pays invoices as WHMCS does when a client pays with the saved card: status Paid, `datepaid`
 * now, a transaction for the total through gateway `stripe`; then the WHMCS hook sends the
 * signed `InvoicePaid` webhook. A failing webhook does not undo the payment (it is recorded by
 * the sender). Source: wiring.md "Sandbox URLs" (`POST /whmcs/viewinvoice.php`).
 */
export class InvoicePayments {
  constructor(
    private readonly store: VersionedStore<WhmcsState>,
    private readonly clock: Clock,
    private readonly webhooks: WebhookSender,
  ) {}

  async pay(invoiceId: number): Promise<PaymentOutcome> {
    const invoice = this.store.state.invoices.find((candidate) => candidate.id === invoiceId);
    if (!invoice) return { kind: "not-found" };
    if (!PAYABLE.has(invoice.status)) return { kind: "not-payable", invoice };
    await this.store.mutate((state) => {
      const paidAt = utcDateTime(this.clock());
      const lastTransactionId = state.invoices
        .flatMap((candidate) => candidate.transactions)
        .reduce((max, transaction) => Math.max(max, transaction.id), 0);
      invoice.status = "Paid";
      invoice.datepaid = paidAt;
      invoice.updatedAt = paidAt;
      invoice.transactions.push({
        id: lastTransactionId + 1,
        transid: `ch_${randomBytes(12).toString("hex")}`,
        date: paidAt,
        gateway: "stripe",
        description: `Invoice Payment (#${invoice.id})`,
        amountin: invoice.total,
        fees: "0.00",
      });
    });
    const webhook = await this.webhooks.send({
      event: "InvoicePaid",
      clientId: invoice.userid,
      invoiceId: invoice.id,
    });
    return { kind: "paid", invoice, webhook };
  }
}
