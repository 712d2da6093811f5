import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, type AppLocale } from "@/i18n/locales";

/**
 * The `document.cookie` assignment that remembers `locale` for a year on the whole site
 * (`Path=/`, `SameSite=Lax`, `Secure` when the page was served over HTTPS). Not `HttpOnly`: it
 * holds no secret, and the language switch sets it from the browser.
 */
export function localeCookie(locale: AppLocale, secure: boolean): string {
  return [
    `${LOCALE_COOKIE}=${locale}`,
    `Max-Age=${LOCALE_COOKIE_MAX_AGE_SECONDS}`,
    "Path=/",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
