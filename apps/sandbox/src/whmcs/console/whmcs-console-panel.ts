import type { SandboxServices } from "../../server/sandbox-services.js";
import { statusChip } from "../../console/status-chip.js";
import { formatMoney } from "../../html/format-money.js";
import { html, type SafeHtml } from "../../html/html.js";
import { currencyById } from "../currencies.js";
import { isOverdue } from "../overdue.js";
import { findProduct } from "../products/whmcs-products.js";

/**
 * The WHMCS stand-in's console panel: clients with their invoice counts, every invoice with its
 * status (Overdue as WHMCS's filter computes it) and a "Mark paid" button for payable ones, and
 * the orders with the services they created and their statuses.
 * `today` is `YYYY-MM-DD` (UTC).
 */
export function whmcsConsolePanel(services: SandboxServices, today: string): SafeHtml {
  const state = services.whmcsState.state;
  const clientsById = new Map(state.clients.map((client) => [client.id, client]));
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
  const orderRows = [...state.orders]
    .sort((a, b) => b.id - a.id)
    .map(
      (order) =>
        html`<tr>
          <td>${order.id}</td>
          <td>${order.ordernum}</td>
          <td>#${order.userid} ${clientsById.get(order.userid)?.lastname ?? ""}</td>
          <td>${order.date}</td>
          <td>${statusChip(order.status, order.status === "Active" ? "paid" : "neutral")}</td>
          <td>
            ${state.services
              .filter((service) => service.orderid === order.id)
              .map(
                (service) =>
                  html`<div>
                    #${service.id} ${findProduct(service.pid)?.name ?? `Product ${service.pid}`}
                    (${service.status})
                  </div>`,
              )}
          </td>
        </tr>`,
    );
  return html` <div class="card">
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
      <h2>WHMCS orders</h2>
      <table>
        <thead>
          <tr>
            <th>Id</th>
            <th>Number</th>
            <th>Client</th>
            <th>Date</th>
            <th>Status</th>
            <th>Services</th>
          </tr>
        </thead>
        <tbody>
          ${orderRows}
        </tbody>
      </table>
    </div>
    <p class="muted">
      Response mode <code>${services.whmcsResponseMode.current}</code> (<code
        >PUT /__control/whmcs/response-mode</code
      >)
    </p>`;
}
