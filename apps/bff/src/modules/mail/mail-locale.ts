import { createParamDecorator, type ExecutionContext } from "@nestjs/common";
import { type FastifyRequest } from "fastify";

/** The languages customers are written to in, Japanese first (the portal's locales). */
export const MAIL_LOCALES = ["ja", "en"] as const;

/** One of {@link MAIL_LOCALES}. */
export type MailLocale = (typeof MAIL_LOCALES)[number];

/** The language when nothing says otherwise. */
export const DEFAULT_MAIL_LOCALE: MailLocale = "ja";

function isMailLocale(value: unknown): value is MailLocale {
  return typeof value === "string" && (MAIL_LOCALES as readonly string[]).includes(value);
}

/**
 * The customer's language from a request: the `NEXT_LOCALE` cookie the portal sets (and its
 * proxy forwards) when it names a portal locale, else the `Accept-Language` entry with the
 * highest quality whose primary tag is one (`en-GB` → `en`), else Japanese. Mirrors the portal's
 * `resolveLocale` (apps/portal/src/i18n/resolve-locale.ts). Source: RFC 9110 §12.5.4.
 */
export function requestLocale(
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): MailLocale {
  if (isMailLocale(cookie)) {
    return cookie;
  }
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q) : 1, index };
    })
    .filter((entry) => entry.q > 0 && isMailLocale(entry.language))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const best = ranked[0]?.language;
  return isMailLocale(best) ? best : DEFAULT_MAIL_LOCALE;
}

/** Handler parameter decorator: the {@link MailLocale} of the request ({@link requestLocale}). */
export const RequestLocale = createParamDecorator(
  (_data: unknown, context: ExecutionContext): MailLocale => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const acceptLanguage = request.headers["accept-language"];
    return requestLocale(request.cookies.NEXT_LOCALE, acceptLanguage);
  },
);
