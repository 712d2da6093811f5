/** Property names whose values never reach the log, wherever they appear. */
const SENSITIVE_KEYS = [
  "password",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "csrfToken",
  "secret",
  "apiSecret",
  "accessKey",
  "privateKey",
  "privateKeyPem",
  "authorization",
  "cookie",
  "cardNumber",
  "cardnum",
  "cvv",
  "cvc",
];

/**
 * Log paths pino replaces with `[Redacted]` (DESIGN.md §7: passwords, tokens, secrets, cookies,
 * card data): the credential headers of requests and responses, and {@link SENSITIVE_KEYS} at the
 * depths our log objects use (pino's `*` matches one level). Source: pino docs "Redaction".
 */
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'req.headers["x-portal-signature"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];
