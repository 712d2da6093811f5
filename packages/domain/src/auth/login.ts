import { z } from "zod";

/** `POST /api/auth/login` body. Any non-empty password is accepted here; policy applies to new ones. */
export const loginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(128, "Password is too long"),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;
