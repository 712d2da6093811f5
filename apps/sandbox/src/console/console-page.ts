import type { ActiveFault } from "../faults/fault.js";
import { html, type SafeHtml } from "../html/html.js";
import { page } from "../html/page.js";
import { statusChip } from "./status-chip.js";
import { COMMON_FAULT_KINDS } from "../faults/fault-dialect.js";
import { FAULT_DIALECTS } from "../faults/fault-dialects.js";
import type { WebhookDelivery } from "../whmcs/webhook/webhook-sender.js";
import { CONSOLE_SCRIPT } from "./console-script.js";

/** One stand-in's part of the console. */
export interface ConsoleStandIn {
  system: string;
  title: string;
  /** Its base URL as clients configure it. */
  url: string;
  /** Example of a fault `match`. */
  matchExample: string;
  /** Its panel (records, actions). */
  panel: SafeHtml;
  /** Its call counters. */
  calls: Record<string, number>;
}

/** What the console shows. */
export interface ConsoleView {
  standIns: readonly ConsoleStandIn[];
  seedDate: string;
  today: string;
  faults: readonly ActiveFault[];
  deliveries: readonly WebhookDelivery[];
  webhookUrl: string | null;
  /** The mailbox panel (messages the SMTP stand-in kept). */
  mailbox: SafeHtml;
}

/** Every fault kind: the common ones, then each stand-in's own. */
const FAULT_KINDS = [
  ...COMMON_FAULT_KINDS,
  ...Object.values(FAULT_DIALECTS).flatMap((dialect) => dialect.ownKinds),
];

/**
 * The operator console (`GET /`): each stand-in's panel (Salesforce accounts, WHMCS clients and
 * invoices with "Mark paid"…), active faults with a form to add or clear them, each stand-in's
 * call counters and the last webhook deliveries. Actions go through the control API.
 */
export function consolePage(view: ConsoleView): string {
  const { today } = view;

  const faultRows = view.faults.map(
    (fault) =>
      html`<tr>
        <td><code>${fault.id}</code></td>
        <td>${fault.system}</td>
        <td>${fault.match ?? "(every call)"}</td>
        <td>${fault.kind}</td>
        <td>${describeFault(fault)}</td>
        <td class="num">${fault.remaining ?? "∞"}</td>
      </tr>`,
  );
  const deliveryRows = view.deliveries.map(
    (delivery) =>
      html`<tr>
        <td>${delivery.at}</td>
        <td>${delivery.event}</td>
        <td>${delivery.invoiceId ?? "—"}</td>
        <td>${delivery.url}</td>
        <td>
          ${statusChip(delivery.status === null ? "no answer" : String(delivery.status), delivery.ok ? "ok" : "fail")}
        </td>
        <td>${delivery.error ?? ""}</td>
      </tr>`,
  );

  const body = html` <div class="card">
      <h1>Sandbox console</h1>
      <p class="muted">
        ${view.standIns.map((standIn) => html`${standIn.title} <code>${standIn.url}</code> · `)}
        seed date ${view.seedDate} · today ${today} (UTC)
      </p>
      <p>
        <button
          class="danger"
          data-call="/__control/reset"
          data-confirm="Reseed the demo data and clear faults and counters?"
        >
          Reset demo data
        </button>
      </p>
    </div>
    ${view.standIns.map((standIn) => standIn.panel)} ${view.mailbox}
    <div class="card">
      <h2>Faults</h2>
      ${
        view.faults.length === 0
          ? html`<p class="muted">No active faults.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Id</th>
                  <th>System</th>
                  <th>Match</th>
                  <th>Kind</th>
                  <th>Details</th>
                  <th class="num">Remaining</th>
                </tr>
              </thead>
              <tbody>
                ${faultRows}
              </tbody>
            </table>`
      }
      <form id="fault-form" class="inline">
        <label
          >System<select name="system">
            ${view.standIns.map((standIn) => html`<option>${standIn.system}</option>`)}
          </select></label
        >
        <label
          >Match<input
            name="match"
            placeholder="${view.standIns.map((standIn) => standIn.matchExample).join(" or ")}"
        /></label>
        <label
          >Kind<select name="kind">
            ${FAULT_KINDS.map((kind) => html`<option>${kind}</option>`)}
          </select></label
        >
        <label>Latency ms<input name="latencyMs" type="number" min="0" style="width:7em" /></label>
        <label
          >Status<input name="status" type="number" min="500" max="599" style="width:5em"
        /></label>
        <label>Message<input name="message" /></label>
        <label>Times<input name="times" type="number" min="1" style="width:5em" /></label>
        <button type="submit">Add fault</button>
        <button type="button" class="secondary" data-method="DELETE" data-call="/__control/faults">
          Clear all
        </button>
      </form>
    </div>
    <div class="grid">
      ${view.standIns.map(
        (standIn) =>
          html`<div class="card">
            <h2>${standIn.title} calls</h2>
            ${countTable(standIn.calls)}
          </div>`,
      )}
    </div>
    <p><button class="secondary" data-call="/__control/calls/reset">Reset call counters</button></p>
    <div class="card">
      <h2>Webhook deliveries</h2>
      <form id="webhook-form" class="inline">
        <label
          >Webhook URL<input
            name="url"
            size="50"
            value="${view.webhookUrl ?? ""}"
            placeholder="(off)" /></label
        ><button type="submit">Save</button>
      </form>
      ${
        view.deliveries.length === 0
          ? html`<p class="muted">No webhooks sent yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>At</th>
                  <th>Event</th>
                  <th>Invoice</th>
                  <th>URL</th>
                  <th>Answer</th>
                  <th>Error</th>
                </tr>
              </thead>
              <tbody>
                ${deliveryRows}
              </tbody>
            </table>`
      }
    </div>`;

  return page({
    title: "Portal sandbox",
    subtitle: "WHMCS + Salesforce stand-ins",
    body,
    script: CONSOLE_SCRIPT,
  });
}

function describeFault(fault: ActiveFault): string {
  switch (fault.kind) {
    case "latency":
      return `${fault.latencyMs ?? 1000} ms`;
    case "http5xx":
      return `HTTP ${fault.status ?? 503}`;
    default:
      return fault.message ?? "";
  }
}

function countTable(counts: Record<string, number>): SafeHtml {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return html`<p class="muted">No calls yet.</p>`;
  return html`<table>
    <thead>
      <tr>
        <th>Call</th>
        <th class="num">Count</th>
      </tr>
    </thead>
    <tbody>
      ${entries.map(
        ([key, count]) =>
          html`<tr>
            <td><code>${key}</code></td>
            <td class="num">${count}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
