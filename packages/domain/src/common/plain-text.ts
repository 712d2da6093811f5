import { z } from "zod";

/**
 * Text without the characters a name or an address line never contains: C0/C1 control
 * characters (NUL, line breaks, tab, escape, DEL…) and the bidirectional overrides and isolates,
 * which make text display in an order other than the one stored (Unicode TR #36, "Bidirectional
 * Text Spoofing"). PostgreSQL refuses NUL outright; WHMCS and Salesforce would store the rest.
 */
const PLAIN_TEXT = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u;

/** What the customer reads when a field holds one of them. */
export const PLAIN_TEXT_MESSAGE = "Remove line breaks, tabs and other invisible control characters";

/**
 * A single line of text typed by a customer (names, address lines): trimmed, refused when it
 * holds a control character. Chain `.min()`/`.max()` for the field's own limits.
 */
export function plainTextSchema(): z.ZodString {
  return z.string().trim().regex(PLAIN_TEXT, PLAIN_TEXT_MESSAGE);
}
