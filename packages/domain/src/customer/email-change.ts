import { z } from "zod";
import { toHalfWidth } from "../common/half-width.js";
import { isoDateTimeSchema } from "../common/iso-date.js";

/**
 * `POST /api/me/email` body: the new login and contact address and the current password (checked
 * like a login password: wrong ones count towards the lockout, 400 `PASSWORD_INCORRECT` naming
 * `currentPassword`). A code is sent to the new address ({@link emailChangeConfirmRequestSchema}).
 */
export const emailChangeRequestSchema = z.object({
  newEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address").max(254, "Email address is too long")),
  currentPassword: z
    .string()
    .min(1, "Enter your current password")
    .max(128, "Password is too long"),
});
export type EmailChangeRequest = z.infer<typeof emailChangeRequestSchema>;

/**
 * `POST /api/me/email` answer (202): where the code went and until when (ISO 8601 UTC) it works.
 */
export const emailChangeStartedSchema = z.object({
  newEmail: z.email(),
  expiresAt: isoDateTimeSchema,
});
export type EmailChangeStarted = z.infer<typeof emailChangeStartedSchema>;

/**
 * `POST /api/me/email/confirm` body: the 6-digit code from the mail to the new address;
 * full-width digits and spaces are accepted (`"１２３ ４５６"` → `"123456"`).
 */
export const emailChangeConfirmRequestSchema = z.object({
  code: z
    .string()
    .max(40, "Enter the 6-digit code")
    .transform((raw) => toHalfWidth(raw).replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code")),
});
export type EmailChangeConfirmRequest = z.infer<typeof emailChangeConfirmRequestSchema>;
