/**
 * The calendar date in Japan (UTC+9, no daylight saving) at instant `now`, plus `offsetDays`
 * days, as `YYYY-MM-DD`. Order dates (an Order's `EffectiveDate`, the installation window) are
 * Japan's calendar days, whatever zone the server runs in.
 */
export function japanDate(now: Date, offsetDays = 0): string {
  const japan = new Date(now.getTime() + 9 * 3_600_000);
  const midnight = Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth(), japan.getUTCDate());
  return new Date(midnight + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
