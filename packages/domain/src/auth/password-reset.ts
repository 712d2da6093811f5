import { z } from "zod";
import { newPasswordSchema } from "./password.js";

/**
 * `POST /api/auth/password/forgot` body (→ 202 whether or not an account has the address, so the
 * answer reveals nothing; decision 0041).
 */
export const passwordForgotRequestSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
});
export type PasswordForgotRequest = z.infer<typeof passwordForgotRequestSchema>;

/**
 * A password-reset token as the link carries it: 32 random bytes in base64url (43 characters).
 * Longer values are accepted up to 128 characters so a token format change stays compatible;
 * anything else is refused by name before it is looked up.
 */
export const passwordResetTokenSchema = z
  .string()
  .min(32, "This reset link is not valid")
  .max(128, "This reset link is not valid")
  .regex(/^[A-Za-z0-9_-]+$/, "This reset link is not valid");

/**
 * `POST /api/auth/password/reset` body (→ 204): the token from the e-mailed link and the new
 * password (the sign-up policy, {@link newPasswordSchema}). An unknown, expired or used token →
 * 400 `PASSWORD_RESET_TOKEN_INVALID` naming `token`.
 */
export const passwordResetRequestSchema = z.object({
  token: passwordResetTokenSchema,
  password: newPasswordSchema,
});
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;
