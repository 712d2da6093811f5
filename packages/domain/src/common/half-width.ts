/**
 * Dash-like characters Japanese keyboards and IMEs produce where a hyphen is meant: hyphen and
 * non-breaking hyphen, figure dash, en and em dash, horizontal bar, minus sign, the katakana
 * prolonged sound mark `ー` and its half-width form `ｰ`.
 */
const DASHES = /[\u2010-\u2015\u2212\u30fc\uff70]/g;

/**
 * Normalises what customers type into a numeric field (postcode, phone, customer number, codes)
 * to ASCII: full-width digits `０-９`, `＋`, `（）`, `－` and the ideographic space become their
 * half-width forms (Unicode NFKC), and every dash-like character becomes `-`. Other text is
 * left as it is, so validation still rejects letters.
 * Source: DESIGN.md §10 "full-width digits accepted everywhere"; Unicode UAX #15 (NFKC).
 */
export function toHalfWidth(value: string): string {
  return value.normalize("NFKC").replace(DASHES, "-");
}
