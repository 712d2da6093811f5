import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALES, isAppLocale, type AppLocale } from "@/i18n/locales";

/**
 * The locale of a request: the customer's remembered choice (`cookie`, the value of the
 * `NEXT_LOCALE` cookie) when it is a portal locale, else the best match for the browser's
 * `Accept-Language` header (quality values respected; `en-GB` matches `en`), else Japanese.
 * Source: RFC 9110 §12.5.4 (Accept-Language); negotiator's language matching.
 */
export function resolveLocale({
  cookie,
  acceptLanguage,
}: {
  cookie: string | undefined;
  acceptLanguage: string | null;
}): AppLocale {
  if (isAppLocale(cookie)) return cookie;
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const [preferred] = new Negotiator({
    headers: { "accept-language": acceptLanguage },
  }).languages([...LOCALES]);
  return isAppLocale(preferred) ? preferred : DEFAULT_LOCALE;
}
