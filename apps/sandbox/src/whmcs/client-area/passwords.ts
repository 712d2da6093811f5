import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

/**
 * Client passwords as the sandbox keeps them: `scrypt$<salt hex>$<hash hex>`. WHMCS itself uses
 * bcrypt; the format is internal, only ValidateLogin's yes/no answer reaches the wire.
 */

const KEY_LENGTH = 32;

/** A new salted hash of `password`. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString("hex")}$${scryptSync(password, salt, KEY_LENGTH).toString("hex")}`;
}

/** Whether `password` matches `stored` (false for null or a malformed hash). */
export function verifyPassword(password: string, stored: string | null): boolean {
  const [scheme, saltHex, hashHex] = stored?.split("$") ?? [];
  if (scheme !== "scrypt" || saltHex === undefined || hashHex === undefined) return false;
  const expected = Buffer.from(hashHex, "hex");
  const actual = scryptSync(password, Buffer.from(saltHex, "hex"), expected.length);
  return expected.length === KEY_LENGTH && timingSafeEqual(actual, expected);
}
