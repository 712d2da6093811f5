import type { CallCounts } from "../calls/call-counter.js";
import type { ActiveFault } from "../faults/fault.js";
import { formatMoney } from "../html/format-money.js";
import { html, type SafeHtml } from "../html/html.js";
import { page } from "../html/page.js";
import type { SalesforceState } from "../salesforce/state/salesforce-state.js";
import type { WhmcsState } from "../whmcs/state/whmcs-state.js";
import { currencyById } from "../whmcs/currencies.js";
import { isOverdue } from "../whmcs/overdue.js";
import type { WebhookDelivery } from "../whmcs/webhook/webhook-sender.js";
import { CONSOLE_SCRIPT } from "./console-script.js";

/** What the console shows. */
export interface ConsoleView {
  whmcs: WhmcsState;
  salesforce: SalesforceState;
  today: string;
  faults: readonly ActiveFault[];
  calls: CallCounts;
  deliveries: readonly WebhookDelivery[];
  webhookUrl: string | null;
  /** Base URLs of the WHMCS installation and the Salesforce login/instance. */
  whmcsUrl: string;
  salesforceUrl: string;
}

const FAULT_KINDS = [
  "latency",
  "http5xx",
  "timeout",
  "whmcs-error",
  "sf-request-limit",
  "malformed",
];

/**
 * The operator console (`GET /`): Salesforce accounts, WHMCS clients and invoices (with
 * "Mark paid"), active faults with a form to add or clear them, call counters and the last
 * webhook deliveries. Actions go through the control API.
 */
export function consolePage(view: ConsoleView): string {
  const { whmcs: state, salesforce, today } = view;
  const clientsById = new Map(state.clients.map((client) => [client.id, client]));
  const accounts = (salesforce.records.Account ?? []).filter(
    (account) => account.IsDeleted !== true,
  );

  const accountRows = accounts.map(
    (account) =>
      html`<tr>
        <td>${String(account.SF_Account_No__c ?? "")}</td>
        <td>${String(account.Name ?? "")}</td>
        <td>
          ${statusChip(String(account.Portal_Status__c ?? "—"), account.Portal_Status__c === "Active" ? "ok" : "neutral")}
        </td>
        <td>
          ${account.WH_Account__c === null || account.WH_Account__c === undefined ? "—" : String(account.WH_Account__c)}
        </td>
        <td><code>${String(account.Id)}</code></td>
      </tr>`,
  );
  const clientRows = state.clients.map(
    (client) =>
      html`<tr>
        <td>#${client.id}</td>
        <td>${client.firstname} ${client.lastname}</td>
        <td>${client.email}</td>
        <td>${client.status}</td>
        <td class="num">
          ${state.invoices.filter((invoice) => invoice.userid === client.id).length}
        </td>
      </tr>`,
  );
  const invoiceRows = [...state.invoices]
    .sort((a, b) => b.id - a.id)
    .map((invoice) => {
      const client = clientsById.get(invoice.userid);
      const overdue = isOverdue(invoice, today);
      const payable = invoice.status === "Unpaid" || invoice.status === "Collections";
      return html`<tr>
        <td>${invoice.id}</td>
        <td>${invoice.invoicenum}</td>
        <td>#${invoice.userid} ${client?.lastname ?? ""}</td>
        <td>${invoice.date}</td>
        <td>${invoice.duedate}</td>
        <td class="num">${formatMoney(invoice.total, currencyById(client?.currency ?? 1).code)}</td>
        <td>
          ${statusChip(overdue ? "Overdue" : invoice.status, overdue ? "overdue" : invoice.status === "Paid" ? "paid" : invoice.status === "Unpaid" ? "unpaid" : "neutral")}
        </td>
        <td>
          ${payable ? html`<button class="small" data-call="/__control/whmcs/invoices/${invoice.id}/pay">Mark paid</button>` : ""}
        </td>
      </tr>`;
    });
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
        <td>${delivery.invoiceId}</td>
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
        WHMCS API <code>${view.whmcsUrl}/includes/api.php</code> · Salesforce login
        <code>${view.salesforceUrl}</code> · seed date ${state.seedDate} · today ${today} (UTC)
      </p>
      <p>
        <button
          class="danger"
          data-call="/__control/reset"
          data-confirm="Reseed the demo data and clear faults and counters?"
        >
          Reset demo data
        </button>
        <button class="secondary" data-call="/__control/salesforce/expire-sessions">
          Expire Salesforce sessions
        </button>
      </p>
    </div>
    <div class="card">
      <h2>Salesforce accounts</h2>
      <table>
        <thead>
          <tr>
            <th>Customer number</th>
            <th>Name</th>
            <th>Portal status</th>
            <th>WHMCS client</th>
            <th>Id</th>
          </tr>
        </thead>
        <tbody>
          ${accountRows}
        </tbody>
      </table>
    </div>
    <div class="card">
      <h2>WHMCS clients</h2>
      <table>
        <thead>
          <tr>
            <th>Id</th>
            <th>Name</th>
            <th>Email</th>
            <th>Status</th>
            <th class="num">Invoices</th>
          </tr>
        </thead>
        <tbody>
          ${clientRows}
        </tbody>
      </table>
    </div>
    <div class="card">
      <h2>WHMCS invoices</h2>
      <table>
        <thead>
          <tr>
            <th>Id</th>
            <th>Number</th>
            <th>Client</th>
            <th>Date</th>
            <th>Due</th>
            <th class="num">Total</th>
            <th>Status</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${invoiceRows}
        </tbody>
      </table>
    </div>
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
            <option>whmcs</option>
            <option>salesforce</option>
          </select></label
        >
        <label>Match<input name="match" placeholder="GetInvoices or /query" /></label>
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
      <div class="card">
        <h2>WHMCS calls</h2>
        ${countTable(view.calls.whmcs)}
      </div>
      <div class="card">
        <h2>Salesforce calls</h2>
        ${countTable(view.calls.salesforce)}
      </div>
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

function statusChip(label: string, tone: string): SafeHtml {
  return html`<span class="status ${tone}">${label}</span>`;
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
