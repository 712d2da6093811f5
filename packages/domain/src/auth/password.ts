import { z } from "zod";

/**
 * Password policy for new passwords: 10–128 characters with at least one letter and one digit.
 * Length beats composition rules (NIST SP 800-63B §5.1.1.2); the upper bound keeps hashing cheap.
 */
export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(128, "Use at most 128 characters")
  .regex(/[A-Za-z]/, "Include at least one letter")
  .regex(/\d/, "Include at least one digit");
