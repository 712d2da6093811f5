/**
 * A WHMCS decimal amount (`"5830.00"`) in `currency` for display: `¥5,830`, `$15.95`.
 * Display only — never parse the result.
 */
export function formatMoney(decimal: string, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(Number(decimal));
}
