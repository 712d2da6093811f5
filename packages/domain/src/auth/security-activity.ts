import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";

/** Kinds of security events a customer sees (the audit log's events, DESIGN.md §7). */
export const securityEventTypeSchema = z.enum([
  "signup",
  "login_succeeded",
  "login_failed",
  "account_locked",
  "refresh_token_reused",
  "logout",
  "password_changed",
  "password_reset",
  "email_changed",
  "mfa_enabled",
  "mfa_disabled",
  "mfa_recovery_code_used",
  "mfa_failed",
  "session_ended",
  "other",
]);
export type SecurityEventType = z.infer<typeof securityEventTypeSchema>;

/** One audit event of the caller: what, when (ISO 8601 UTC), from which IP and browser. */
export const securityEventSchema = z.object({
  type: securityEventTypeSchema,
  at: isoDateTimeSchema,
  ip: z.string().nullable(),
  /** "Browser on OS", parsed from the user agent; null when unknown. */
  client: z.string().nullable(),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;

/** `GET /api/auth/activity` answer: the caller's last 50 events, newest first. */
export const securityActivitySchema = z.object({ events: z.array(securityEventSchema).max(50) });
export type SecurityActivity = z.infer<typeof securityActivitySchema>;
