import { html, type SafeHtml } from "../html/html.js";
import type { Mailbox } from "./mailbox.js";

/**
 * The console's mailbox: every message the SMTP stand-in kept, newest first, each openable to
 * its plain text and its HTML. The HTML is shown in an `<iframe sandbox srcdoc>` (escaped into
 * the attribute, no scripts, no same-origin access), so a message can never act on the console.
 */
export function mailboxPanel(mailbox: Mailbox, smtpUrl: string): SafeHtml {
  const messages = mailbox.list();
  return html`<div class="card" id="mailbox">
    <h2>Mailbox</h2>
    <p class="muted">
      SMTP <code>${smtpUrl}</code> · ${messages.length} message(s) · recipients
      ${mailbox.refusal === "accept" ? "accepted" : `refused (${mailbox.refusal})`}
    </p>
    ${
      messages.length === 0
        ? html`<p class="muted">No mail yet.</p>`
        : messages.map(
            (mail) =>
              html`<details>
                <summary>
                  ${mail.receivedAt} · <strong>${mail.subject}</strong> · to ${mail.to.join(", ")} ·
                  from ${mail.from}
                </summary>
                <h3>Plain text</h3>
                <pre>${mail.text}</pre>
                <h3>HTML</h3>
                <iframe
                  sandbox=""
                  title="${mail.subject}"
                  srcdoc="${mail.html}"
                  style="width:100%;height:28em;border:1px solid #ccc;background:#fff"
                ></iframe>
              </details>`,
          )
    }
    <p>
      <button class="secondary" data-method="DELETE" data-call="/__control/mail">
        Clear mailbox
      </button>
    </p>
  </div>`;
}
