/** Calendar arithmetic on `YYYY-MM-DD` dates (UTC, no time zone involved). */

function parts(date: string): [number, number, number] {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return [year, month, day];
}

function format(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** `date` plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  return format(Date.UTC(year, month - 1, day + days));
}

/**
 * `date` plus `months`, keeping the day of month and clamping it to the target month's length
 * (2026-03-31 minus one month → 2026-02-28), the way billing systems step monthly invoices.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return format(Date.UTC(year, month - 1 + months, Math.min(day, lastDay)));
}
