/**
 * WHMCS keeps money as decimal text with two places (`"5830.00"`, JPY included). Sums are done
 * in hundredths as integers so no floating-point error creeps in.
 */
export function toHundredths(decimal: string): number {
  const [whole = "0", fraction = ""] = decimal.replace("-", "").split(".");
  const magnitude = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  return decimal.startsWith("-") ? -magnitude : magnitude;
}

/** Hundredths back to WHMCS decimal text. */
export function fromHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const magnitude = Math.abs(hundredths);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, "0")}`;
}
