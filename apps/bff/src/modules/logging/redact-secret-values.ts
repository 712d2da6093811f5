/** What replaces a secret in a log line (the same word pino's key-based redaction uses). */
export const REDACTED = "[Redacted]";

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
 * Replaces anything in a serialised log line that looks like a secret by its type, not by the
 * key it sits under (DESIGN.md §7): argon2 hashes, JWTs, credential query parameters and long
 * opaque tokens, wherever they appear — a message, an error's text, a URL, a nested field. Runs
 * on every line as pino's `streamWrite` hook, after the key-based `REDACT_PATHS`, which catches
 * secrets of any shape under known names.
 */
export function redactSecretValues(line: string): string {
  return line
    .replace(ARGON2_HASH, REDACTED)
    .replace(JWT, REDACTED)
    .replace(SECRET_PARAMETER, `$1${REDACTED}`)
    .replace(OPAQUE_TOKEN, redactOpaque);
}
