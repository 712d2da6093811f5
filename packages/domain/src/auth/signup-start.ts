import { z } from "zod";
import { signupRequestSchema } from "./signup.js";

/**
 * `POST /api/auth/signup/start` body: the address the code goes to (normalised as in
 * `signupRequestSchema`).
 */
export const signupStartRequestSchema = signupRequestSchema.pick({ email: true });
export type SignupStartRequest = z.infer<typeof signupStartRequestSchema>;

/**
 * `POST /api/auth/signup/start` answer (202), the same whether or not the address has an account
 * (no enumeration): when a new code may be asked for, in seconds, and how long a code lives, in
 * minutes.
 */
export const signupStartResponseSchema = z.object({
  resendAfterSeconds: z.number().int().nonnegative(),
  validMinutes: z.number().int().positive(),
});
export type SignupStartResponse = z.infer<typeof signupStartResponseSchema>;
