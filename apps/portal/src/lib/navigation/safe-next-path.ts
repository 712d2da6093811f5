/** A base that only serves to resolve `next`; no request ever goes there. */
const BASE = "http://portal.invalid";

/**
 * Returns `next` when it is a path on this site (`/billing/invoices?page=2`), else `fallback`.
 * Decided by parsing, never by pattern (OWASP Unvalidated Redirects and Forwards Cheat Sheet):
 * `next` is resolved the way the browser will resolve it (WHATWG URL: tabs and newlines are
 * stripped, `\` reads as `/`, dot segments are removed) and accepted only when it stays on this
 * origin, and the normalised result — what the browser will actually be sent to — must itself
 * resolve to the same path on this origin. That second parse is what refuses
 * `/.//evil.example`, which normalises to `//evil.example`, a network-path reference to another
 * host. The result is the normalised path, query and fragment.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || !next.startsWith("/")) {
    return fallback;
  }
  const target = sameOriginPath(next);
  return target !== null && sameOriginPath(target) === target ? target : fallback;
}

/** `value` resolved against this origin as path + query + fragment, or null when it leaves it. */
function sameOriginPath(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : null;
}
