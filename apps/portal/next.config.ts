import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./server/security-headers.mjs";

// The portal must build and run offline and report nothing home. Next reads this variable when
// it creates its telemetry client, which happens after it has loaded this file.
// Source: https://nextjs.org/telemetry
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/**
 * Next.js configuration of the customer portal. `/api/*` is not rewritten here: rewrites are
 * frozen at build time, while the BFF address is read at run time by `src/proxy.ts`.
 */
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  headers: async () => [
    {
      source: "/:path*",
      headers: securityHeaders(process.env.NODE_ENV === "development"),
    },
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
