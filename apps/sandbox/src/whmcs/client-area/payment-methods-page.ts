import { html } from "../../html/html.js";
import { page } from "../../html/page.js";
import type { WhmcsClient, WhmcsPayMethod } from "../state/whmcs-state.js";

/** What the last action on the page did, shown as a notice (`?done=` after a redirect). */
export type PayMethodsNotice =
  { kind: "done"; what: "added" | "removed" | "default" } | { kind: "error"; message: string };

const DONE_TEXT = {
  added: "Payment method added.",
  removed: "Payment method removed.",
  default: "Default payment method updated.",
} as const;

function methodDetails(method: WhmcsPayMethod): string {
  if (method.type.endsWith("CreditCard")) {
    return `${method.card_type} •••• ${method.card_last_four} (expires ${method.expiry_date})`;
  }
  return method.bank_name ? `Bank account — ${method.bank_name}` : "Bank account";
}

/**
 * The client area's payment-methods page ("Manage Billing Information/Credit Card", reached by
 * SSO destination `clientarea:billing_info`): the client's pay methods, default first, each with
 * Make default / Remove; forms to add a test card (number, expiry MM/YY) or a Japanese bank
 * account (bank, branch, 普通/当座, 7-digit number); a link back to the portal's payments page.
 */
export function paymentMethodsPage(options: {
  client: WhmcsClient;
  methods: readonly WhmcsPayMethod[];
  notice?: PayMethodsNotice;
  returnUrl: string;
}): string {
  const { client, methods, notice, returnUrl } = options;
  const noticeHtml =
    notice === undefined
      ? ""
      : notice.kind === "done"
        ? html`<div class="notice success" role="status">${DONE_TEXT[notice.what]}</div>`
        : html`<div class="notice error" role="alert">${notice.message}</div>`;
  const rows = methods.map(
    (method, index) =>
      html`<tr>
        <td>${method.description}</td>
        <td>${methodDetails(method)}</td>
        <td>${index === 0 ? html`<span class="status ok">Default</span>` : ""}</td>
        <td>
          <form class="inline" method="post" action="paymentmethods/${method.id}/default">
            <button
              type="submit"
              class="secondary small"
              aria-label="Make default: ${method.description}"
              ${index === 0 ? "disabled" : ""}
            >
              Make default
            </button>
          </form>
          <form class="inline" method="post" action="paymentmethods/${method.id}/delete">
            <button type="submit" class="danger small" aria-label="Remove: ${method.description}">
              Remove
            </button>
          </form>
        </td>
      </tr>`,
  );
  return page({
    title: "Payment Methods — Client Area",
    subtitle: "WHMCS sandbox",
    body: html`${noticeHtml}
      <div class="card">
        <h1>Payment methods</h1>
        <p class="muted">Signed in as ${client.firstname} ${client.lastname} (${client.email})</p>
        ${
          methods.length === 0
            ? html`<p>No payment methods saved.</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th>Description</th>
                    <th>Details</th>
                    <th></th>
                    <th>Actions</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>`
        }
      </div>
      <div class="grid">
        <div class="card">
          <h2>Add a card</h2>
          <form method="post" action="paymentmethods/add">
            <input type="hidden" name="type" value="card" />
            <p>
              <label
                >Card number <input name="card_number" inputmode="numeric" autocomplete="off"
              /></label>
            </p>
            <p>
              <label>Expiry (MM/YY) <input name="card_expiry" placeholder="12/29" /></label>
            </p>
            <p>
              <label>Description (optional) <input name="description" /></label>
            </p>
            <button type="submit">Save card</button>
          </form>
        </div>
        <div class="card">
          <h2>Add a bank account</h2>
          <form method="post" action="paymentmethods/add">
            <input type="hidden" name="type" value="bank" />
            <p>
              <label>Bank name <input name="bank_name" /></label>
            </p>
            <p>
              <label>Branch name <input name="branch_name" /></label>
            </p>
            <p>
              <label
                >Account type
                <select name="bank_account_type">
                  <option value="ordinary">普通 (Ordinary)</option>
                  <option value="current">当座 (Current)</option>
                </select></label
              >
            </p>
            <p>
              <label>Account number <input name="bank_account" inputmode="numeric" /></label>
            </p>
            <button type="submit">Save bank account</button>
          </form>
        </div>
      </div>
      <p><a class="button" href="${returnUrl}/billing/payments">Back to portal</a></p>`,
  });
}
