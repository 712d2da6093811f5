/** What replaces a secret in a log line. */
export const REDACTED = "[Redacted]";

/**
 * Property names whose values never reach the log, wherever they appear and whatever their shape
 * (DESIGN.md §7: passwords, tokens, secrets, cookies, card data), and the credential headers.
 */
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
  "set-cookie",
  "x-csrf-token",
  "x-portal-signature",
  "cardNumber",
  "cardnum",
  "cvv",
  "cvc",
];

/**
 * A property named in {@link SENSITIVE_KEYS}, in a line pino serialised with `JSON.stringify`:
 * after `{` or `,`, so a quoted name inside a string value (where quotes are escaped) never
 * matches.
 */
const SENSITIVE_PROPERTY = new RegExp(`[{,]"(?:${SENSITIVE_KEYS.join("|")})":`, "g");

/** argon2 encoded hashes (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
const ARGON2_HASH = /\$argon2(?:id|i|d)\$[^"\s\\]*/g;

/** JSON Web Tokens: three base64url parts, the first a JSON header (`eyJ` = `{"`). */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** Query or form parameters whose value is a credential, whatever its shape. */
const SECRET_PARAMETER =
  /([?&](?:token|access_token|refresh_token|id_token|code|password|secret|key|signature|sig|csrf|csrfToken)=)[^&"\s#\\]*/gi;

/**
 * Opaque tokens: a run of 32 or more base64url/hex characters with both letters and digits
 * (refresh and CSRF tokens, API secrets, HMAC signatures, SHA-256 digests). UUIDs (request and
 * user ids) are left alone; words, paths and numbers do not qualify.
 */
const OPAQUE_TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function redactOpaque(candidate: string): string {
  return /\d/.test(candidate) && /[A-Za-z]/.test(candidate) && !UUID.test(candidate)
    ? REDACTED
    : candidate;
}

/**
 * Where the JSON value starting at `start` of `text` ends (the index after it): a string, an
 * object or array (nested, strings inside skipped), or a number/literal up to the next `,`, `}`
 * or `]`.
 */
function endOfJsonValue(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') {
        i += text[i] === "\\" ? 2 : 1;
      }
      if (depth === 0) {
        return i + 1;
      }
    } else if (char === "{" || char === "[") {
      depth += 1;
    } else if (char === "}" || char === "]") {
      if (depth === 0) {
        return i;
      }
      depth -= 1;
      if (depth === 0) {
        return i + 1;
      }
    } else if (char === "," && depth === 0) {
      return i;
    }
  }
  return text.length;
}

/**
 * The value of every {@link SENSITIVE_KEYS} property of a serialised log line, at any depth and
 * of any shape (string, number, object, array), replaced by {@link REDACTED} (decision 0047: one
 * scan of the finished line instead of pino's path redaction, which cloned and walked every log
 * object for 50-odd wildcard paths).
 */
function redactSensitiveProperties(line: string): string {
  let redacted = "";
  let copiedUpTo = 0;
  // An `exec` loop rather than `matchAll`, which copies the regular expression on every call.
  SENSITIVE_PROPERTY.lastIndex = 0;
  for (let match = SENSITIVE_PROPERTY.exec(line); match; match = SENSITIVE_PROPERTY.exec(line)) {
    const valueStart = match.index + match[0].length;
    if (valueStart <= copiedUpTo) {
      continue; // inside a value already redacted
    }
    redacted += `${line.slice(copiedUpTo, valueStart)}"${REDACTED}"`;
    copiedUpTo = endOfJsonValue(line, valueStart);
  }
  return copiedUpTo === 0 ? line : redacted + line.slice(copiedUpTo);
}

/**
 * Removes secrets from a serialised log line (DESIGN.md §7), as pino's `streamWrite` hook on
 * every line: the value of every property with a sensitive name ({@link SENSITIVE_KEYS}, at any
 * depth, whatever its shape), then anything that looks like a secret by its type wherever it
 * appears — argon2 hashes, JWTs, credential query parameters and long opaque tokens in a
 * message, an error's text, a URL, a nested field.
 */
export function redactSecretValues(line: string): string {
  let redacted = redactSensitiveProperties(line);
  // Every line passes here: a shape whose fixed start is absent is not scanned for.
  if (redacted.includes("$argon2")) redacted = redacted.replace(ARGON2_HASH, REDACTED);
  if (redacted.includes("eyJ")) redacted = redacted.replace(JWT, REDACTED);
  if (redacted.includes("=")) redacted = redacted.replace(SECRET_PARAMETER, `$1${REDACTED}`);
  return redacted.replace(OPAQUE_TOKEN, redactOpaque);
}
