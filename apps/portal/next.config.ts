import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The portal must build and run offline and report nothing home. Next reads this variable when
// it creates its telemetry client, which happens after it has loaded this file.
// Source: https://nextjs.org/telemetry
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/**
 * Content Security Policy of every page (DESIGN.md §7): only this origin may supply scripts,
 * styles, images, fonts and API calls; nothing may frame the portal. Next.js inlines its
 * bootstrap scripts and styles, hence `'unsafe-inline'` (a nonce would force every page to render
 * per request); `next dev` also needs `'unsafe-eval'` for fast refresh.
 * Source: https://nextjs.org/docs/app/guides/content-security-policy
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers on every response. HSTS belongs to the TLS-terminating proxy in front of the portal. */
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/**
 * Next.js configuration of the customer portal. `/api/*` is not rewritten here: rewrites are
 * frozen at build time, while the BFF address is read at run time by `src/proxy.ts`.
 */
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  headers: async () => [
    { source: "/:path*", headers: securityHeaders },
    // The password-reset link's page carries its token in the URL until the page removes it:
    // no Referer may take it anywhere (decision 0041).
    {
      source: "/auth/reset-password",
      headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
    },
  ],
};

/** next-intl finds its per-request configuration in `src/i18n/request.ts`. */
export default createNextIntlPlugin()(nextConfig);
