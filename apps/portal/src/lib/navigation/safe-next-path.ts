/** A base that only serves to resolve `next`; no request ever goes there. */
const BASE = "http://portal.invalid";

/**
 * Returns `next` when it is a path on this site (`/billing/invoices?page=2`), else `fallback`.
 * The value is resolved the way the browser will resolve it (WHATWG URL: tabs and newlines are
 * stripped, `\` reads as `/`), and followed only when it stays on this origin, so a crafted
 * `?next=https://evil.example`, `?next=//evil.example` or `?next=/%09/evil.example` link cannot
 * send the customer elsewhere after sign-in (open redirect, OWASP Unvalidated Redirects and
 * Forwards Cheat Sheet). The result is the normalised path, query and fragment.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || !next.startsWith("/")) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
