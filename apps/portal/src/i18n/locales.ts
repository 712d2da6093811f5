/**
 * The portal's languages: Japanese (the default, DESIGN.md §10) and English. The locale is not
 * in the URL (docs/decisions/0015-locale-without-url-prefix.md): it comes from the
 * {@link LOCALE_COOKIE} cookie, else from `Accept-Language`, else Japanese.
 */
export const LOCALES = ["ja", "en"] as const;

/** One of {@link LOCALES}; also the value of `<html lang>`. */
export type AppLocale = (typeof LOCALES)[number];

/** The language of a visitor who has not chosen one and whose browser asks for neither. */
export const DEFAULT_LOCALE: AppLocale = "ja";

/** Cookie remembering the customer's choice (next-intl's conventional name). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** How long the choice is remembered: one year, in seconds. */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Whether `value` is one of the portal's locales. */
export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
