import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";
import { sessionSchema } from "./session.js";

/** Digits of a TOTP code (RFC 6238, the authenticator apps' default). */
export const TOTP_DIGITS = 6;
/** How many single-use recovery codes one confirmation issues. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * A code as a person types it: full-width digits and letters become half-width (NFKC), spaces and
 * hyphens go, letters are lower-cased. `"１２３ ４５６"` → `"123456"`, `"ABCDE-FGHIJ"` → `"abcdefghij"`.
 */
export function normaliseMfaCode(raw: string): string {
  return raw.normalize("NFKC").replace(/[\s-]/g, "").toLowerCase();
}

/** A 6-digit TOTP code, or a 10-character recovery code, normalised ({@link normaliseMfaCode}). */
export const mfaCodeSchema = z
  .string()
  .max(40, "Enter the 6-digit code or a recovery code")
  .transform(normaliseMfaCode)
  .pipe(
    z
      .string()
      .min(1, "Enter the code")
      .regex(/^(\d{6}|[a-z0-9]{10})$/, "Enter the 6-digit code or a recovery code"),
  );

/** Whether a normalised code is a TOTP code (6 digits) rather than a recovery code. */
export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** A 6-digit TOTP code only (confirming an enrolment), normalised. */
export const totpCodeSchema = z
  .string()
  .max(40, "Enter the 6-digit code")
  .transform(normaliseMfaCode)
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code"));

/**
 * `POST /api/auth/mfa/totp/enrol` answer: a pending authenticator. `secret` is base32 (RFC 4648)
 * for manual entry, `otpauthUri` the Key Uri Format the QR code carries, `qrSvg` that QR code as
 * an SVG document. Nothing changes at login until it is confirmed.
 */
export const totpEnrolmentSchema = z.object({
  secret: z.string().regex(/^[A-Z2-7]+=*$/),
  otpauthUri: z.string().startsWith("otpauth://totp/"),
  qrSvg: z.string().startsWith("<svg"),
});
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

/** `POST /api/auth/mfa/totp/confirm` body. */
export const totpConfirmRequestSchema = z.object({ code: totpCodeSchema });
export type TotpConfirmRequest = z.infer<typeof totpConfirmRequestSchema>;

/** `POST /api/auth/mfa/totp/confirm` answer: the recovery codes, shown this once. */
export const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT),
});
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

/** `POST /api/auth/mfa/totp/disable` body: the password and a TOTP or recovery code. */
export const totpDisableRequestSchema = z.object({
  password: z.string().min(1, "Enter your password").max(128, "Password is too long"),
  code: mfaCodeSchema,
});
export type TotpDisableRequest = z.infer<typeof totpDisableRequestSchema>;

/** `GET /api/auth/mfa` answer: whether 2FA is on, and how many recovery codes are left. */
export const mfaStatusSchema = z.object({
  totpEnabled: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type MfaStatus = z.infer<typeof mfaStatusSchema>;

/**
 * `POST /api/auth/login` answer when the password was right and 2FA is on (decision 0033): still
 * 200, no session cookies; send the code with `challengeId` to `POST /api/auth/login/mfa` before
 * `expiresAt` (5 minutes, at most 5 wrong codes).
 */
export const mfaChallengeSchema = z.object({
  mfaRequired: z.literal(true),
  challengeId: z.uuid(),
  expiresAt: isoDateTimeSchema,
});
export type MfaChallenge = z.infer<typeof mfaChallengeSchema>;

/** `POST /api/auth/login/mfa` body: the challenge and a TOTP or recovery code. */
export const loginMfaRequestSchema = z.object({
  challengeId: z.uuid("Sign in again"),
  code: mfaCodeSchema,
});
export type LoginMfaRequest = z.infer<typeof loginMfaRequestSchema>;

/** `POST /api/auth/login` answer: the session, or the second step when 2FA is on. */
export const loginResponseSchema = z.union([sessionSchema, mfaChallengeSchema]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;
