import { type AppLocale } from "@/i18n/locales";

/**
 * Dates the way each language writes them: `2026年12月1日` in Japanese, `1 Dec 2026` in English
 * (British day-month-year order, unambiguous to Japanese readers). Billing dates are calendar
 * dates without a time zone, so they are formatted in UTC to keep the day from shifting; instants
 * (payments) are shown in Japan time, where the customer lives.
 * Source: DESIGN.md §10; CLDR date patterns through `Intl.DateTimeFormat`.
 */
const INTL_LOCALE: Record<AppLocale, string> = { ja: "ja-JP", en: "en-GB" };

const calendarDates = new Map<AppLocale, Intl.DateTimeFormat>();
const instants = new Map<AppLocale, Intl.DateTimeFormat>();

function calendarDateFormat(locale: AppLocale): Intl.DateTimeFormat {
  let format = calendarDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      year: "numeric",
      month: locale === "ja" ? "long" : "short",
      day: "numeric",
      timeZone: "UTC",
    });
    calendarDates.set(locale, format);
  }
  return format;
}

function instantFormat(locale: AppLocale): Intl.DateTimeFormat {
  let format = instants.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      year: "numeric",
      month: locale === "ja" ? "long" : "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Asia/Tokyo",
    });
    instants.set(locale, format);
  }
  return format;
}

/**
 * Formats an ISO 8601 calendar date `YYYY-MM-DD`: `2026年12月1日` (ja), `1 Dec 2026` (en).
 * Other text is returned as is.
 */
export function formatDate(isoDate: string, locale: AppLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return calendarDateFormat(locale).format(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])),
  );
}

/**
 * Formats an instant (ISO 8601, or `YYYY-MM-DD HH:mm:ss` as billing systems send it) in Japan
 * time: `2026年12月1日 14:05` (ja), `1 Dec 2026, 14:05` (en); text that is not a date is
 * returned as is.
 */
export function formatDateTime(value: string, locale: AppLocale): string {
  const parsed = new Date(value.includes("T") ? value : value.replace(" ", "T"));
  return Number.isNaN(parsed.getTime()) ? value : instantFormat(locale).format(parsed);
}
