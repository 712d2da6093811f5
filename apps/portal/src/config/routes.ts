/**
 * Path prefixes only signed-in customers may open; `src/proxy.ts` sends everyone else to sign in.
 * Its `config.matcher` must list the same prefixes (matchers have to be literals).
 */
export const PORTAL_PATH_PREFIXES = [
  "/dashboard",
  "/catalog",
  "/checkout",
  "/orders",
  "/billing",
  "/account",
] as const;

/** Pages a signed-in customer has no use for; `src/proxy.ts` sends them to the dashboard. */
export const AUTH_PAGES = ["/auth/login", "/auth/signup"] as const;

/** Where customers sign in; takes `?next=<path>` (where to go afterwards). */
export const SIGN_IN_PATH = "/auth/login";

/** Where customers land after signing in or up. */
export const HOME_PATH = "/dashboard";

/**
 * Query flag the API client adds when it sends a customer to sign in because the session could
 * not be refreshed: the sign-in page explains why, and the proxy lets the page open even though
 * stale session cookies are still present (otherwise it would bounce to the dashboard and loop).
 */
export const SESSION_EXPIRED_PARAM = "session";
