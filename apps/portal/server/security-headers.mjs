// @ts-check

/**
 * Content Security Policy of every page (DESIGN.md §7): only this origin may supply scripts,
 * styles, images, fonts and API calls; nothing may frame the portal. Next.js inlines its
 * bootstrap scripts and styles, hence `'unsafe-inline'` (a nonce would force every page to render
 * per request); `next dev` also needs `'unsafe-eval'` for fast refresh.
 * Source: https://nextjs.org/docs/app/guides/content-security-policy
 *
 * @param {boolean} development  whether `next dev` serves the portal
 * @returns {string}
 */
function contentSecurityPolicy(development) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The headers on every portal response: set by Next.js on what it serves (`next.config.ts`
 * `headers`) and by the portal's server on what it answers itself (`edge-refusals.mjs`). HSTS
 * belongs to the TLS-terminating proxy in front of the portal.
 *
 * @param {boolean} development  whether `next dev` serves the portal
 * @returns {{ key: string; value: string }[]}
 */
export function securityHeaders(development) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(development) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ];
}
