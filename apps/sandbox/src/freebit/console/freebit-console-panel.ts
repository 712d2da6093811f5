import { statusChip } from "../../console/status-chip.js";
import { html, type SafeHtml } from "../../html/html.js";
import type { SandboxServices } from "../../server/sandbox-services.js";

/**
 * The Freebit stand-in's console panel: lines with their state, and activation requests with
 * "Complete" / "Fail" buttons while they are processing (the control API's settle calls), and the
 * completion delay.
 */
export function freebitConsolePanel(services: SandboxServices): SafeHtml {
  const state = services.freebitState.state;
  const lineRows = state.lines.map(
    (line) =>
      html`<tr>
        <td>${line.account}</td>
        <td>${line.simKind}</td>
        <td>${line.planCode}</td>
        <td>${statusChip(line.state, line.state === "active" ? "paid" : "neutral")}</td>
        <td>${line.startDate}</td>
      </tr>`,
  );
  const activationRows = [...state.activations].reverse().map((activation) => {
    const key = encodeURIComponent(activation.requestKey);
    return html`<tr>
      <td><code>${activation.requestKey}</code></td>
      <td>${activation.account}</td>
      <td>${activation.simKind}</td>
      <td>${activation.acceptedAt}</td>
      <td>
        ${statusChip(activation.state, activation.state === "completed" ? "paid" : activation.state === "failed" ? "overdue" : "unpaid")}
        ${activation.errorCode ?? ""}
      </td>
      <td>
        ${
          activation.state === "processing"
            ? html`<button class="small" data-call="/__control/freebit/activations/${key}/complete">
                  Complete
                </button>
                <button class="small" data-call="/__control/freebit/activations/${key}/fail">
                  Fail
                </button>`
            : ""
        }
      </td>
    </tr>`;
  });
  const delay = services.freebitActivations.delayMs;
  return html`<div class="card">
      <h2>Freebit lines</h2>
      <table>
        <thead>
          <tr>
            <th>Number</th>
            <th>SIM</th>
            <th>Plan</th>
            <th>State</th>
            <th>Since</th>
          </tr>
        </thead>
        <tbody>
          ${lineRows}
        </tbody>
      </table>
    </div>
    <div class="card">
      <h2>Freebit activations</h2>
      <table>
        <thead>
          <tr>
            <th>Request key</th>
            <th>Number</th>
            <th>SIM</th>
            <th>Accepted</th>
            <th>State</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${activationRows}
        </tbody>
      </table>
    </div>
    <p class="muted">
      Activations complete ${delay === null ? "only by hand" : `${delay} ms after acceptance`}
      (<code>PUT /__control/freebit/activation-delay</code>)
    </p>`;
}
