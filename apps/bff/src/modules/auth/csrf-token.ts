import { randomBytes } from "node:crypto";

/** Shape of the tokens {@link newCsrfToken} makes: 32 random bytes, base64url. */
const CSRF_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new CSRF token for the `portal_csrf` cookie. */
export function newCsrfToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Whether `value` is a token this server could have issued (an existing cookie is then kept). */
export function isCsrfToken(value: string | undefined): value is string {
  return value !== undefined && CSRF_TOKEN_SHAPE.test(value);
}
