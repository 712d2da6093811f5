import { raw } from "@portal/salesforce";
import type { SandboxServices } from "../../server/sandbox-services.js";
import { statusChip } from "../../console/status-chip.js";
import { html, type SafeHtml } from "../../html/html.js";
import { catalogConsoleTable } from "./catalog-console-table.js";

/**
 * The Salesforce stand-in's console panel: live Accounts (customer number, portal status,
 * WHMCS client, id), the portal price book's products with their price and switches
 * ({@link catalogConsoleTable}), the change log's size and a button that expires every session.
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
        <td><code>${String(account.Id)}</code></td>
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
          <th>Id</th>
        </tr>
      </thead>
      <tbody>
        ${accountRows}
      </tbody>
    </table>
    ${catalogConsoleTable(services)}
    <p class="muted">
      Change log: ${changeLog.events.length} events, next replay id ${changeLog.nextReplayId} (<code
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
