import { html, SafeHtml } from "./html.js";

/** One stylesheet for the WHMCS client area and the operator console: no external assets. */
const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Hiragino Sans",sans-serif;color:#1f2937;background:#f3f4f6}
header.bar{background:#1e3a5f;color:#fff;padding:14px 24px;display:flex;align-items:center;gap:16px}
header.bar .brand{font-weight:700;font-size:18px;letter-spacing:.2px}
header.bar .sub{opacity:.75;font-size:13px}
main{max-width:1080px;margin:24px auto;padding:0 16px}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:20px 24px;margin-bottom:20px}
h1{font-size:22px;margin:0 0 12px}
h2{font-size:17px;margin:0 0 12px}
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e5e7eb;vertical-align:top}
th{background:#f9fafb;font-weight:600;color:#374151}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.status{display:inline-block;padding:2px 10px;border-radius:999px;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.4px}
.status.paid{background:#dcfce7;color:#166534}
.status.unpaid{background:#fee2e2;color:#991b1b}
.status.overdue{background:#fde68a;color:#92400e}
.status.cancelled,.status.neutral{background:#e5e7eb;color:#374151}
.status.ok{background:#dcfce7;color:#166534}
.status.fail{background:#fee2e2;color:#991b1b}
button,.button{display:inline-block;border:0;border-radius:6px;background:#2563eb;color:#fff;padding:8px 16px;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}
button.secondary{background:#e5e7eb;color:#111827}
button.danger{background:#dc2626}
button.small{padding:4px 10px;font-size:13px}
.notice{padding:12px 16px;border-radius:6px;margin-bottom:16px}
.notice.success{background:#dcfce7;color:#14532d}
.notice.error{background:#fee2e2;color:#7f1d1d}
.muted{color:#6b7280;font-size:13px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:20px}
form.inline{display:flex;flex-wrap:wrap;gap:8px;align-items:end}
label{display:flex;flex-direction:column;font-size:13px;color:#374151;gap:4px}
input,select{font:inherit;padding:6px 8px;border:1px solid #d1d5db;border-radius:6px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.meta dt{color:#6b7280}
dl.meta dd{margin:0}
code{font-size:13px;background:#f3f4f6;padding:1px 4px;border-radius:4px}
`;

/** The stylesheet is a constant of this module, so it is trusted as-is. */
const STYLESHEET = new SafeHtml(STYLES);

/**
 * A complete HTML document with the shared header and stylesheet.
 * `title` goes into `<title>` and the header; `subtitle` is shown beside it.
 */
export function page(options: {
  title: string;
  subtitle: string;
  body: SafeHtml;
  script?: SafeHtml;
}): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title}</title>
        <style>
          ${STYLESHEET}
        </style>
      </head>
      <body>
        <header class="bar">
          <span class="brand">${options.title}</span><span class="sub">${options.subtitle}</span>
        </header>
        <main>${options.body}</main>
        ${options.script ?? ""}
      </body>
    </html>`.value;
}
