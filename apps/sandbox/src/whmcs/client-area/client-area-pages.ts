import { formatMoney } from "../../html/format-money.js";
import { html, type SafeHtml } from "../../html/html.js";
import { page } from "../../html/page.js";
import type { WhmcsClient, WhmcsInvoice, WhmcsPayMethod } from "../state/whmcs-state.js";
import { currencyById } from "../currencies.js";
import { isOverdue } from "../overdue.js";

/**
 * Server-rendered pages of the WHMCS client area stand-in: an invoice with its Pay now form,
 * the client's invoice list, and plain message pages (expired link, access denied).
 */

const TITLE = "Billing — Client Area";
const SUBTITLE = "WHMCS sandbox";

/** The page shown for a refused or unusable request. */
export function messagePage(heading: string, message: string, returnUrl: string): string {
  return page({
    title: TITLE,
    subtitle: SUBTITLE,
    body: html`<div class="card">
      <h1>${heading}</h1>
      <p>${message}</p>
      <p><a href="${returnUrl}">Back to portal</a></p>
    </div>`,
  });
}

function statusBadge(invoice: WhmcsInvoice, today: string): SafeHtml {
  if (isOverdue(invoice, today)) return html`<span class="status overdue">Overdue</span>`;
  const tone =
    invoice.status === "Paid" ? "paid" : invoice.status === "Unpaid" ? "unpaid" : "neutral";
  return html`<span class="status ${tone}">${invoice.status}</span>`;
}

/**
 * One invoice. `justPaid` shows the payment confirmation; `card` is the saved card the Pay now
 * button charges (the form is shown only for a payable invoice with a card).
 */
export function invoicePage(options: {
  invoice: WhmcsInvoice;
  client: WhmcsClient;
  card: WhmcsPayMethod | undefined;
  today: string;
  justPaid: boolean;
  returnUrl: string;
}): string {
  const { invoice, client, card, today, justPaid, returnUrl } = options;
  const currency = currencyById(client.currency).code;
  const money = (decimal: string): string => formatMoney(decimal, currency);
  const payable = invoice.status === "Unpaid" || invoice.status === "Collections";
  const backLink = `${returnUrl}/billing/invoices/${invoice.id}`;

  const notice = justPaid
    ? html`<div class="notice success" role="status">
        <strong>Payment received — thank you.</strong> Invoice ${invoice.invoicenum} is now paid.
      </div>`
    : "";
  const payment = !payable
    ? ""
    : card
      ? html`<div class="card">
          <h2>Pay this invoice</h2>
          <form method="post" action="viewinvoice.php?id=${invoice.id}">
            <p>
              <label
                ><span>Payment method</span>
                <select name="paymethod">
                  <option value="${card.id}">
                    ${card.card_type} ••${card.card_last_four} (expires ${card.expiry_date})
                  </option>
                </select></label
              >
            </p>
            <button type="submit">Pay now</button>
            <span class="muted">${money(invoice.total)} will be charged to your saved card.</span>
          </form>
        </div>`
      : html`<div class="card">
          <h2>Pay this invoice</h2>
          <p>No saved card on file. Please contact support.</p>
        </div>`;

  const transactions =
    invoice.transactions.length === 0
      ? html`<p class="muted">No payments yet.</p>`
      : html`<table>
          <thead>
            <tr>
              <th>Date</th>
              <th>Gateway</th>
              <th>Transaction ID</th>
              <th class="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            ${invoice.transactions.map(
              (transaction) =>
                html`<tr>
                  <td>${transaction.date}</td>
                  <td>${transaction.gateway}</td>
                  <td><code>${transaction.transid}</code></td>
                  <td class="num">${money(transaction.amountin)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;

  return page({
    title: TITLE,
    subtitle: SUBTITLE,
    body: html`${notice}
      <div class="card">
        <h1>Invoice ${invoice.invoicenum} ${statusBadge(invoice, today)}</h1>
        <dl class="meta">
          <dt>Status</dt>
          <dd>${invoice.status}</dd>
          <dt>Invoice date</dt>
          <dd>${invoice.date}</dd>
          <dt>Due date</dt>
          <dd>${invoice.duedate}</dd>
          ${
            invoice.datepaid
              ? html`<dt>Paid on</dt>
                  <dd>${invoice.datepaid}</dd>`
              : ""
          }
          <dt>Invoiced to</dt>
          <dd>
            ${client.firstname} ${client.lastname}<br />${client.postcode} ${client.state}
            ${client.city}<br />${client.address1} ${client.address2}
          </dd>
        </dl>
      </div>
      <div class="card">
        <h2>Items</h2>
        <table>
          <thead>
            <tr>
              <th>Description</th>
              <th class="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            ${invoice.items.map(
              (item) =>
                html`<tr>
                  <td>${item.description}</td>
                  <td class="num">${money(item.amount)}</td>
                </tr>`,
            )}
            <tr>
              <td>Sub Total</td>
              <td class="num">${money(invoice.subtotal)}</td>
            </tr>
            <tr>
              <td>${Number(invoice.taxrate)}% Tax</td>
              <td class="num">${money(invoice.tax)}</td>
            </tr>
            <tr>
              <th>Total</th>
              <th class="num">${money(invoice.total)}</th>
            </tr>
          </tbody>
        </table>
      </div>
      ${payment}
      <div class="card">
        <h2>Transactions</h2>
        ${transactions}
      </div>
      <p>
        <a class="button" href="${backLink}">Back to portal</a>
        <a href="clientarea.php?action=invoices">All invoices</a>
      </p>`,
  });
}

/** The signed-in client's invoices, newest first. */
export function invoiceListPage(
  client: WhmcsClient,
  invoices: readonly WhmcsInvoice[],
  today: string,
  returnUrl: string,
): string {
  const currency = currencyById(client.currency).code;
  return page({
    title: TITLE,
    subtitle: SUBTITLE,
    body: html`<div class="card">
        <h1>My invoices</h1>
        <p class="muted">Signed in as ${client.firstname} ${client.lastname} (${client.email})</p>
        <table>
          <thead>
            <tr>
              <th>Invoice</th>
              <th>Date</th>
              <th>Due</th>
              <th class="num">Total</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            ${invoices.map(
              (invoice) =>
                html`<tr>
                  <td>
                    <a href="viewinvoice.php?id=${invoice.id}">${invoice.invoicenum}</a>
                  </td>
                  <td>${invoice.date}</td>
                  <td>${invoice.duedate}</td>
                  <td class="num">${formatMoney(invoice.total, currency)}</td>
                  <td>${statusBadge(invoice, today)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p><a class="button" href="${returnUrl}">Back to portal</a></p>`,
  });
}
