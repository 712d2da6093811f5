import { z } from "zod";
import { toHalfWidth } from "../common/half-width.js";

/**
 * A phone number: digits with optional leading `+`, spaces, hyphens and brackets, 10–15 digits
 * (Japanese numbers are 10 or 11 digits, e.g. `090-1234-5678`). Full-width digits and dashes are
 * accepted and normalised (`toHalfWidth`, DESIGN.md §10); otherwise stored as typed.
 */
export const phoneSchema = z
  .string()
  .overwrite(toHalfWidth)
  .trim()
  .regex(/^\+?[\d\s()-]+$/, "Enter a phone number using digits, spaces or hyphens")
  .refine((value) => {
    const digits = value.replace(/\D/g, "").length;
    return digits >= 10 && digits <= 15;
  }, "Enter a phone number of 10 to 15 digits");

/**
 * The digits of a Japanese phone number in national form, for comparing two spellings of one
 * number: full-width digits and dashes are folded (`toHalfWidth`), separators dropped, and the
 * international prefix `+81` / `81` (with or without the trunk `0` some write as `(0)`) becomes
 * the leading `0` (`+81 90-1234-5678` → `09012345678`). Empty when the value holds no digit.
 * Source: ITU-T E.164 and the Japanese numbering plan (country code 81, trunk prefix 0).
 */
export function nationalPhoneDigits(value: string): string {
  const half = toHalfWidth(value).trim();
  const digits = half.replace(/\D/g, "");
  const international = half.startsWith("+") || half.startsWith("0081");
  if (half.startsWith("0081")) {
    return nationalFromCountry(digits.slice(2));
  }
  if (international) {
    return nationalFromCountry(digits);
  }
  return digits;
}

function nationalFromCountry(digits: string): string {
  if (!digits.startsWith("81")) {
    return digits;
  }
  const rest = digits.slice(2);
  return rest.startsWith("0") ? rest : `0${rest}`;
}

/**
 * Whether two spellings name the same phone number ({@link nationalPhoneDigits}); two values
 * without digits never match.
 */
export function samePhoneNumber(a: string, b: string): boolean {
  const left = nationalPhoneDigits(a);
  return left.length > 0 && left === nationalPhoneDigits(b);
}
