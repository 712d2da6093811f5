/**
 * Where the reset page keeps the token once it has taken it out of the address bar: the tab's
 * `sessionStorage` (so a reload of the page still works), never a cookie or the URL — it is never
 * sent anywhere but in the body of `POST /api/auth/password/reset`, and forgotten after it.
 */
const KEY = "portal.password-reset-token";

/**
 * Moves `?token=` of the current URL into the tab's storage and replaces the history entry with
 * the bare page address, so the token is neither in the address bar, nor in the history, nor in
 * any Referer. Returns the token (from the URL, else the one stored earlier in this tab).
 */
export function takeResetTokenFromUrl(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get("token");
  if (fromUrl) {
    window.sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete("token");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}`);
    return fromUrl;
  }
  return window.sessionStorage.getItem(KEY);
}

/** Forgets the token (after it was used, or refused). */
export function forgetResetToken(): void {
  window.sessionStorage.removeItem(KEY);
}
