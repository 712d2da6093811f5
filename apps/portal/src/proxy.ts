import { AUTH_COOKIES } from "@portal/domain";
import { NextResponse, type NextRequest } from "next/server";
import {
  AUTH_PAGES,
  HOME_PATH,
  PORTAL_PATH_PREFIXES,
  SESSION_EXPIRED_PARAM,
  SIGN_IN_PATH,
} from "@/config/routes";

/** Where the BFF listens when `BFF_URL` is not set (embedded mode, docs/architecture/wiring.md). */
const DEFAULT_BFF_URL = "http://127.0.0.1:4000";

/**
 * Runs before every matched request (Next.js 16 Proxy, formerly Middleware; Node.js runtime).
 * - `/api/*` is forwarded to the BFF at `BFF_URL`, read on every request so one build can be
 *   started against any BFF (`next.config` rewrites would be frozen at build time). Method,
 *   body, cookies and `Set-Cookie` pass through unchanged, so the auth cookies stay first-party.
 * - Portal pages without a session cookie redirect to `/auth/login?next=<path>`; the real check
 *   is the BFF's, this only spares signed-out visitors an empty page (the refresh token cookie is
 *   scoped to `/api/auth`, so on page requests the access token cookie is what normally shows).
 * - Sign-in and sign-up redirect signed-in customers to the dashboard, unless the API client
 *   sent them there because their session could not be refreshed (`?session=expired`).
 * Source: node_modules/next/dist/docs/01-app/03-api-reference/03-file-conventions/proxy.md
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname, search, searchParams } = request.nextUrl;

  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return NextResponse.rewrite(
      new URL(`${pathname}${search}`, process.env.BFF_URL || DEFAULT_BFF_URL),
    );
  }

  const hasSession =
    request.cookies.has(AUTH_COOKIES.access) || request.cookies.has(AUTH_COOKIES.refresh);

  if (
    !hasSession &&
    PORTAL_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))
  ) {
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

  return NextResponse.next();
}

export const config = {
  matcher: ["/api/:path*", "/dashboard/:path*", "/billing/:path*", "/auth/login", "/auth/signup"],
};
