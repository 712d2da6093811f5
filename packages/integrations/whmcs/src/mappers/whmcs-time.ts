/*
 * WHMCS dates and timestamps. WHMCS stores calendar dates (`YYYY-MM-DD`) and wall-clock
 * timestamps (`YYYY-MM-DD HH:ii:ss`) in its server's time zone, with all-zero values for "never".
 * Source: WHMCS/developer-docs api-reference/getinvoice.md (`datepaid` "0000-00-00 00:00:00").
 */

const NEVER = "0000-00-00";

/**
 * The calendar date (`YYYY-MM-DD`) at instant `now` in `timeZone` (IANA, e.g. `"Asia/Tokyo"`):
 * WHMCS due dates are dates of its server's zone, so "today" for the overdue rule must be a date
 * of that zone too (`2026-05-10T16:00:00Z` is 2026-05-11 in Tokyo, 2026-05-10 in UTC).
 * @throws RangeError when `timeZone` is unknown.
 */
export function todayIn(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/**
 * The calendar date of a WHMCS date or timestamp (`"2016-01-08 14:06:34"` → `"2016-01-08"`),
 * or null for the all-zero "never" value.
 */
export function toOptionalDate(value: string): string | null {
  const date = value.slice(0, 10);
  return date === NEVER ? null : date;
}

/**
 * Converts a WHMCS wall-clock timestamp (`"2016-01-01 06:41:11"`, in `timeZone`, an IANA zone
 * such as `"Asia/Tokyo"`) to an ISO 8601 UTC instant (`"2015-12-31T21:41:11.000Z"`).
 * The zone's offset comes from the runtime's time-zone data through `Intl.DateTimeFormat`;
 * a wall-clock time that falls in a daylight-saving gap or overlap resolves to the later offset.
 * @throws RangeError when `value` is not a valid timestamp or `timeZone` is unknown.
 */
export function wallClockToUtc(value: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) {
    throw new RangeError(`Not a WHMCS timestamp: "${value}"`);
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wallAsUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const firstGuess = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  const instant = wallAsUtc - zoneOffsetMs(firstGuess, timeZone);
  const result = new Date(instant);
  if (Number.isNaN(result.getTime())) {
    throw new RangeError(`Not a WHMCS timestamp: "${value}"`);
  }
  return result.toISOString();
}

/** Offset of `timeZone` from UTC at `instant` (milliseconds, positive east of Greenwich). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - (instant - (instant % 1000));
}
