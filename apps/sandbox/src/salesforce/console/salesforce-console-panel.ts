import { raw } from "@portal/salesforce";
import type { SandboxServices } from "../../server/sandbox-services.js";
import { statusChip } from "../../console/status-chip.js";
import { html, type SafeHtml } from "../../html/html.js";
import type { SfRecord } from "../state/salesforce-state.js";
import { catalogConsoleTable } from "./catalog-console-table.js";

/** Newest Cases the panel lists. */
const CASES_SHOWN = 20;
/** Newest Orders the panel lists. */
const ORDERS_SHOWN = 20;
/** Order statuses the "Approve order" button is offered for (the approval's own rule decides). */
const AWAITING_APPROVAL = new Set(["Draft", "Pending Review"]);

/**
 * The Salesforce stand-in's console panel: live Accounts (customer number, portal status,
 * WHMCS client, internet eligibility, id) — a `Pending` one with the staff buttons "Mark eligible"
 * (with an offering type) and "Mark ineligible" — the newest Cases, the portal price book's
 * products with their price and switches ({@link catalogConsoleTable}), the newest Orders (an
 * undecided one with "Approve order", which publishes `Order_Fulfilment_Requested__e`), the change
 * log's size and a button that expires every session.
 */
export function salesforceConsolePanel(services: SandboxServices): SafeHtml {
  const { records, changeLog } = services.salesforceState.state;
  const accounts = (records.Account ?? []).filter((account) => account.IsDeleted !== true);
  const accountRows = accounts.map(
    (account) =>
      html`<tr>
        <td>${String(account.SF_Account_No__c ?? "")}</td>
        <td>${String(account.Name ?? "")}</td>
        <td>
          ${statusChip(String(account.Portal_Status__c ?? "—"), account.Portal_Status__c === raw.PORTAL_STATUS_ACTIVE ? "ok" : "neutral")}
        </td>
        <td>
          ${account.WH_Account__c === null || account.WH_Account__c === undefined ? "—" : String(account.WH_Account__c)}
        </td>
        <td>${eligibilityCell(account)}</td>
        <td><code>${String(account.Id)}</code></td>
      </tr>`,
  );
  const cases = (records.Case ?? [])
    .filter((record) => record.IsDeleted !== true)
    .slice(-CASES_SHOWN)
    .reverse();
  const caseRows = cases.map(
    (record) =>
      html`<tr>
        <td>${String(record.CaseNumber ?? "")}</td>
        <td>${String(record.Subject ?? "")}</td>
        <td>${String(record.Origin ?? "—")}</td>
        <td>${String(record.Status ?? "")}</td>
        <td><code>${String(record.AccountId ?? "—")}</code></td>
      </tr>`,
  );
  return html` <div class="card">
    <h2>Salesforce accounts</h2>
    <table>
      <thead>
        <tr>
          <th>Customer number</th>
          <th>Name</th>
          <th>Portal status</th>
          <th>WHMCS client</th>
          <th>Internet eligibility</th>
          <th>Id</th>
        </tr>
      </thead>
      <tbody>
        ${accountRows}
      </tbody>
    </table>
    <h2>Salesforce cases</h2>
    ${
      cases.length === 0
        ? html`<p class="muted">No cases yet.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Case number</th>
                <th>Subject</th>
                <th>Origin</th>
                <th>Status</th>
                <th>Account</th>
              </tr>
            </thead>
            <tbody>
              ${caseRows}
            </tbody>
          </table>`
    }
    ${ordersTable(records.Order ?? [])} ${catalogConsoleTable(services)}
    <p class="muted">
      Change log: ${changeLog.events.length} change events, ${changeLog.platformEvents.length}
      platform events, next replay id ${changeLog.nextReplayId} (<code
        >GET /__control/salesforce/changes</code
      >)
    </p>
    <p>
      <button class="secondary" data-call="/__control/salesforce/expire-sessions">
        Expire Salesforce sessions
      </button>
    </p>
  </div>`;
}

/**
 * The Account's eligibility status (and offering type when eligible); for a `Pending` Account
 * also staff's answer: an offering type with "Mark eligible", or "Mark ineligible".
 */
function eligibilityCell(account: SfRecord): SafeHtml {
  const status = String(account.Internet_Eligibility_Status__c ?? "Not Requested");
  const offering =
    status === "Eligible" && typeof account.Internet_Eligibility__c === "string"
      ? ` (${account.Internet_Eligibility__c})`
      : "";
  const tone = status === "Eligible" ? "ok" : status === "Ineligible" ? "fail" : "neutral";
  const chip = statusChip(`${status}${offering}`, tone);
  if (status !== "Pending") return chip;
  const customer = String(account.SF_Account_No__c ?? account.Id);
  return html`${chip}
    <form
      class="inline"
      data-call="/__control/salesforce/accounts/${String(account.Id)}/eligibility"
    >
      <label
        >Offering type for ${customer}
        <select name="offeringType">
          ${raw.INTERNET_OFFERING_TYPES.map((type) => html`<option value="${type}">${type}</option>`)}
        </select></label
      >
      <button class="small" name="status" value="Eligible">Mark eligible</button>
      <button class="small secondary" name="status" value="Ineligible">Mark ineligible</button>
    </form>`;
}

/** The newest Orders: number, status, activation status, Account, id, and "Approve order". */
function ordersTable(orders: readonly SfRecord[]): SafeHtml {
  const shown = orders
    .filter((order) => order.IsDeleted !== true)
    .slice(-ORDERS_SHOWN)
    .reverse();
  if (shown.length === 0) {
    return html`<h2>Salesforce orders</h2>
      <p class="muted">No orders yet.</p>`;
  }
  const rows = shown.map((order) => {
    const status = String(order.Status ?? "");
    return html`<tr>
      <td>${String(order.OrderNumber ?? "")}</td>
      <td>${statusChip(status, status === "Activated" ? "ok" : "neutral")}</td>
      <td>${String(order.Activation_Status__c ?? "—")}</td>
      <td><code>${String(order.AccountId ?? "—")}</code></td>
      <td><code>${String(order.Id)}</code></td>
      <td>
        ${
          AWAITING_APPROVAL.has(status)
            ? html`<button
                class="small"
                data-call="/__control/salesforce/orders/${String(order.Id)}/approve"
              >
                Approve order
              </button>`
            : ""
        }
      </td>
    </tr>`;
  });
  return html`<h2>Salesforce orders</h2>
    <table>
      <thead>
        <tr>
          <th>Order number</th>
          <th>Status</th>
          <th>Activation</th>
          <th>Account</th>
          <th>Id</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`;
}
