import { html, type SafeHtml } from "../html/html.js";

/** A coloured status label of the console (`tone`: ok, fail, neutral, paid, unpaid, overdue). */
export function statusChip(label: string, tone: string): SafeHtml {
  return html`<span class="status ${tone}">${label}</span>`;
}
