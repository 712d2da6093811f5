import { AUTH_COOKIES } from "@portal/domain";
import { NextResponse, type NextRequest } from "next/server";
import {
  AUTH_PAGES,
  HOME_PATH,
  PORTAL_PATH_PREFIXES,
  SESSION_EXPIRED_PARAM,
  SIGN_IN_PATH,
} from "@/config/routes";
import { forwardToBff } from "@/lib/bff-proxy/forward-to-bff";

/** Where the BFF listens when `BFF_URL` is not set (embedded mode, docs/architecture/wiring.md). */
const DEFAULT_BFF_URL = "http://127.0.0.1:4000";

/** How long the proxy waits for the BFF: its own upstream budget (10 s) plus a margin. */
const DEFAULT_BFF_TIMEOUT_MS = 15_000;

/** Signed-in pages are one customer's: no shared cache may keep them (DESIGN.md §7). */
const SIGNED_IN_CACHE_CONTROL = "private, no-store";

/**
 * Runs before every matched request (Next.js 16 Proxy, formerly Middleware; Node.js runtime).
 * - `/api/*` is forwarded to the BFF at `BFF_URL` by `forwardToBff`, read on every request so one
 *   build can be started against any BFF (`next.config` rewrites would be frozen at build time).
 *   Method, body, cookies and `Set-Cookie` pass through, so the auth cookies stay first-party;
 *   every failure on the way answers the API's error envelope; `X-Forwarded-For` is the proxy's
 *   own (`PORTAL_TRUST_PROXY`), never the client's; `PORTAL_BFF_TIMEOUT_MS` bounds the wait.
 * - Portal pages without a session cookie redirect to `/auth/login?next=<path>`; the real check
 *   is the BFF's, this only spares signed-out visitors an empty page (the refresh token cookie is
 *   scoped to `/api/auth`, so on page requests the access token cookie is what normally shows).
 * - Sign-in and sign-up redirect signed-in customers to the dashboard, unless the API client
 *   sent them there because their session could not be refreshed (`?session=expired`).
 * - Signed-in portal pages are sent `Cache-Control: private, no-store`.
 * Source: node_modules/next/dist/docs/01-app/03-api-reference/03-file-conventions/proxy.md
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search, searchParams } = request.nextUrl;

  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return forwardToBff(request, {
      bffUrl: process.env.BFF_URL || DEFAULT_BFF_URL,
      timeoutMs: Number(process.env.PORTAL_BFF_TIMEOUT_MS) || DEFAULT_BFF_TIMEOUT_MS,
      trustEdgeProxy: process.env.PORTAL_TRUST_PROXY === "true",
    });
  }

  const hasSession =
    request.cookies.has(AUTH_COOKIES.access) || request.cookies.has(AUTH_COOKIES.refresh);
  const isPortalPage = PORTAL_PATH_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );

  if (!hasSession && isPortalPage) {
    const signIn = request.nextUrl.clone();
    signIn.pathname = SIGN_IN_PATH;
    signIn.search = new URLSearchParams({ next: `${pathname}${search}` }).toString();
    return NextResponse.redirect(signIn);
  }

  if (
    hasSession &&
    AUTH_PAGES.some((page) => page === pathname) &&
    !searchParams.has(SESSION_EXPIRED_PARAM)
  ) {
    const home = request.nextUrl.clone();
    home.pathname = HOME_PATH;
    home.search = "";
    return NextResponse.redirect(home);
  }

  const response = NextResponse.next();
  if (isPortalPage) {
    response.headers.set("cache-control", SIGNED_IN_CACHE_CONTROL);
  }
  return response;
}

export const config = {
  matcher: [
    "/api/:path*",
    "/dashboard/:path*",
    "/catalog/:path*",
    "/checkout/:path*",
    "/orders/:path*",
    "/billing/:path*",
    "/account/:path*",
    "/auth/login",
    "/auth/signup",
  ],
};
