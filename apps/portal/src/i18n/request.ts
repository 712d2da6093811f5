import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { catalogs } from "@/i18n/catalogs";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { resolveLocale } from "@/i18n/resolve-locale";

/**
 * next-intl's per-request configuration ("without i18n routing": no locale in the URL). The
 * locale comes from the `NEXT_LOCALE` cookie or `Accept-Language` (see `resolveLocale`); times
 * are shown in Japan time, where the customers live.
 * Source: https://next-intl.dev/docs/getting-started/app-router/without-i18n-routing
 */
export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
  });
  return { locale, messages: catalogs[locale], timeZone: "Asia/Tokyo" };
});
