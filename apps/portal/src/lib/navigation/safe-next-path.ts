/**
 * Returns `next` when it is a path on this site (`/billing/invoices?page=2`), else `fallback`.
 * Only same-origin paths are followed after sign-in, so a crafted `?next=https://evil.example`
 * or `?next=//evil.example` link cannot send the customer elsewhere (open redirect,
 * OWASP Unvalidated Redirects and Forwards Cheat Sheet).
 */
export function safeNextPath(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return fallback;
  }
  return next;
}
