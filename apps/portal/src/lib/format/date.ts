/**
 * Dates are shown the Japanese way, `2026/11/21`, everywhere in the portal.
 * Billing dates are calendar dates without a time zone, so they are formatted in UTC to keep
 * the day from shifting; instants (payments) are shown in Japan time, where the customer lives.
 */
const calendarDate = new Intl.DateTimeFormat("ja-JP", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "UTC",
});

const instant = new Intl.DateTimeFormat("ja-JP", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Asia/Tokyo",
});

/** Formats an ISO 8601 calendar date `YYYY-MM-DD` as `YYYY/MM/DD`; other text is returned as is. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return calendarDate.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/**
 * Formats an instant (ISO 8601, or `YYYY-MM-DD HH:mm:ss` as billing systems send it) as
 * `YYYY/MM/DD HH:mm` in Japan time; text that is not a date is returned as is.
 */
export function formatDateTime(value: string): string {
  const parsed = new Date(value.includes("T") ? value : value.replace(" ", "T"));
  return Number.isNaN(parsed.getTime()) ? value : instant.format(parsed);
}
