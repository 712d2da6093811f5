import { raw } from "@portal/salesforce";

/**
 * Salesforce record ids: a 3-character key prefix, 12 more case-sensitive characters, and a
 * 3-character suffix that encodes the case of the first 15 so the 18-character form is
 * case-insensitive. Source: Salesforce Knowledge "What is a Salesforce ID" (18-character ids).
 */
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

/** The 3-character case-checksum suffix of a 15-character id. */
export function idSuffix(id15: string): string {
  let suffix = "";
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let position = 0; position < 5; position += 1) {
      const character = id15.charAt(chunk * 5 + position);
      if (character >= "A" && character <= "Z") bits |= 1 << position;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/**
 * A new 18-character id for the `sequence`-th record created by the sandbox:
 * `<keyPrefix>` + `5g0` (instance/reserved) + `sequence` in base 62 over 9 characters + suffix.
 */
export function newRecordId(keyPrefix: string, sequence: number): string {
  let digits = "";
  let rest = sequence;
  do {
    digits = BASE62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  const id15 = `${keyPrefix}5g0${digits.padStart(9, "0")}`;
  return id15 + idSuffix(id15);
}

/** Whether `id` is 15 alphanumeric characters, or 18 whose suffix is the case checksum of the first 15. */
export function isValidRecordId(id: string): boolean {
  if (!raw.salesforceIdSchema.safeParse(id).success) return false;
  return id.length === 15 || idSuffix(id.slice(0, 15)) === id.slice(15);
}

/** `id` with its case checksum corrected (18 characters), or `id` unchanged when it has none. */
export function withValidChecksum(id: string): string {
  if (!/^[a-zA-Z0-9]{18}$/.test(id)) return id;
  const head = id.slice(0, 15);
  return head + idSuffix(head);
}

/**
 * Whether two ids name the same record: equal, or a 15-character id matching the first 15
 * characters of an 18-character one (the API accepts both forms).
 */
export function sameRecordId(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 15 && b.length === 18) return b.startsWith(a);
  if (a.length === 18 && b.length === 15) return a.startsWith(b);
  // Two 18-character forms of one record differ only in letter case (the suffix restores it).
  return a.length === 18 && b.length === 18 && a.toLowerCase() === b.toLowerCase();
}
