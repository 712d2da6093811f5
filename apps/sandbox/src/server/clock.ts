/**
 * The sandbox's notion of "now". Every time-dependent rule (seed dates, overdue invoices, token
 * expiry, JWT `exp`) reads it, so tests can pin the date.
 */
export type Clock = () => Date;

/** `YYYY-MM-DD` of `date` in UTC (WHMCS stores calendar dates without a zone). */
export function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the WHMCS datetime format (e.g. `datepaid`). */
export function utcDateTime(date: Date): string {
  return `${utcDate(date)} ${date.toISOString().slice(11, 19)}`;
}

/**
 * `YYYY-MM-DDTHH:MM:SS.sss+0000`, the format Salesforce uses for datetime fields in REST
 * responses (e.g. `CreatedDate`).
 */
export function salesforceDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+0000");
}
