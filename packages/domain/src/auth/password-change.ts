import { z } from "zod";
import { newPasswordSchema } from "./password.js";

/**
 * `POST /api/auth/password/change` body (→ 204). `currentPassword` is checked like a login
 * password (a wrong one counts towards the account lockout, 400 PASSWORD_INCORRECT naming
 * `currentPassword`); `newPassword` follows the sign-up policy ({@link newPasswordSchema}).
 */
export const passwordChangeRequestSchema = z.object({
  currentPassword: z
    .string()
    .min(1, "Enter your current password")
    .max(128, "Password is too long"),
  newPassword: newPasswordSchema,
});
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequestSchema>;
