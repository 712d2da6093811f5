import { Secret, TOTP } from "otpauth";

/** Seconds per TOTP step (RFC 6238 default; what authenticator apps use). */
export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now a code may come from (±30 s of clock drift; RFC 6238 §5.2). */
export const TOTP_WINDOW = 1;
/** The issuer authenticator apps show beside the account. */
export const TOTP_ISSUER = "Portal";

/** A new random TOTP secret: 160 bits (RFC 4226 §4 recommends 160), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://totp/...` Key Uri Format of `secret` for account `label` (the e-mail). */
export function totpUri(secret: string, label: string): string {
  return totpOf(secret, label).toString();
}

/**
 * The time step whose code `code` is, within ±{@link TOTP_WINDOW} steps of `now` (otpauth's
 * constant-time comparison), or null when it matches none. The caller refuses a step at or
 * before the last one accepted, so a code is never used twice.
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  const delta = totpOf(secret, "").validate({
    token: code,
    timestamp: now.getTime(),
    window: TOTP_WINDOW,
  });
  if (delta === null) {
    return null;
  }
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** The code of `secret` at `at` (tests, and nothing else in production). */
export function totpCodeAt(secret: string, at: Date): string {
  return totpOf(secret, "").generate({ timestamp: at.getTime() });
}
