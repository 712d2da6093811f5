import { INTEGRATION_USER_UTC_OFFSET_MS } from "../org-identity.js";

/** A span of time `[start, end)` in epoch milliseconds. */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

type Unit = "day" | "week" | "month" | "quarter" | "year";

/** The one-day literals and their distance from today. */
const DAYS: Readonly<Record<string, number>> = { YESTERDAY: -1, TODAY: 0, TOMORROW: 1 };

/** Where `LAST_`, `THIS_` and `NEXT_` put a range relative to the current period. */
const SHIFTS: Readonly<Record<string, number>> = { LAST: -1, THIS: 0, NEXT: 1 };

/**
 * `LAST_WEEK`, `THIS_MONTH`, `NEXT_FISCAL_QUARTER`… The FISCAL forms equal the calendar ones: an
 * org's standard fiscal year starts in January unless an administrator changes it, and the
 * sandbox org keeps it.
 */
const PERIOD = /^(LAST|THIS|NEXT)_(WEEK|MONTH|(?:FISCAL_)?QUARTER|(?:FISCAL_)?YEAR)$/;

/** `LAST_N_<unit>S:n`, `NEXT_N_<unit>S:n`, `N_<unit>S_AGO:n`, fiscal forms included. */
const WITH_N = /^(LAST_N|NEXT_N|N)_(?:FISCAL_)?(DAY|WEEK|MONTH|QUARTER|YEAR)S(?:_AGO)?$/;

/**
 * The range a SOQL date literal stands for at `now`, in the integration user's time zone (every
 * range starts at 00:00:00 there): `TODAY`, `YESTERDAY`, `TOMORROW`; `LAST_`/`THIS_`/`NEXT_` +
 * `WEEK` (weeks start on Sunday, the ja_JP locale's first day), `MONTH`, `QUARTER`, `YEAR` and
 * their FISCAL forms; `LAST_90_DAYS`, `NEXT_90_DAYS`; and with `:n`, `LAST_N_DAYS` (today and the
 * n days before it — Salesforce includes today, although the reference's wording suggests
 * otherwise), `NEXT_N_DAYS` (the n days after today), `N_DAYS_AGO` (that one day), and the same
 * for weeks, months, quarters and years (`LAST_N_MONTHS:n` = the n whole months before this one,
 * `NEXT_N_…` the n after it, `N_…_AGO` the one n back). Undefined for a name that is none of these.
 * Source: SOQL and SOSL Reference, "Date Formats and Date Literals in WHERE".
 */
export function dateLiteralRange(
  name: string,
  n: number | undefined,
  now: Date,
): TimeRange | undefined {
  const literal = name.toUpperCase();
  if (n === undefined) {
    if (literal === "LAST_90_DAYS") return dateLiteralRange("LAST_N_DAYS", 90, now);
    if (literal === "NEXT_90_DAYS") return dateLiteralRange("NEXT_N_DAYS", 90, now);
    const day = DAYS[literal];
    if (day !== undefined) return span("day", now, day, 1);
    const period = PERIOD.exec(literal);
    if (!period) return undefined;
    const unit = (period[2] ?? "").replace("FISCAL_", "").toLowerCase() as Unit;
    return span(unit, now, SHIFTS[period[1] ?? ""] ?? 0, 1);
  }
  const match = WITH_N.exec(literal);
  if (!match) return undefined;
  const unit = (match[2] ?? "DAY").toLowerCase() as Unit;
  if (match[1] === "N") return span(unit, now, -n, 1);
  if (match[1] === "NEXT_N") return span(unit, now, 1, n);
  // LAST_N_DAYS counts today in; the longer units count whole periods before the current one.
  return unit === "day" ? span(unit, now, -n, n + 1) : span(unit, now, -n, n);
}

/** `count` periods of `unit`, the first `shift` periods from the one holding `now`. */
function span(unit: Unit, now: Date, shift: number, count: number): TimeRange {
  // Local wall-clock time as a UTC date, so the calendar arithmetic below needs no time zone.
  const local = new Date(now.getTime() + INTEGRATION_USER_UTC_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const day = local.getUTCDate();
  let start: number;
  let end: number;
  switch (unit) {
    case "day":
      start = Date.UTC(year, month, day + shift);
      end = start + count * DAY_MS;
      break;
    case "week": {
      const sunday = day - local.getUTCDay();
      start = Date.UTC(year, month, sunday + 7 * shift);
      end = start + 7 * count * DAY_MS;
      break;
    }
    case "month":
      start = Date.UTC(year, month + shift, 1);
      end = Date.UTC(year, month + shift + count, 1);
      break;
    case "quarter": {
      const first = month - (month % 3);
      start = Date.UTC(year, first + 3 * shift, 1);
      end = Date.UTC(year, first + 3 * (shift + count), 1);
      break;
    }
    case "year":
      start = Date.UTC(year + shift, 0, 1);
      end = Date.UTC(year + shift + count, 0, 1);
      break;
  }
  return {
    start: start - INTEGRATION_USER_UTC_OFFSET_MS,
    end: end - INTEGRATION_USER_UTC_OFFSET_MS,
  };
}

/**
 * A `date` field's value (`YYYY-MM-DD`) as the epoch milliseconds of its 00:00:00 in the
 * integration user's time zone, so it can be placed in a {@link TimeRange}.
 */
export function localMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - INTEGRATION_USER_UTC_OFFSET_MS;
}
