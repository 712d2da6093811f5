import { z } from "zod";

/**
 * A phone number: digits with optional leading `+`, spaces, hyphens and brackets, 10–15 digits
 * (Japanese numbers are 10 or 11 digits, e.g. `090-1234-5678`). Stored as typed.
 */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s()-]+$/, "Enter a phone number using digits, spaces or hyphens")
  .refine((value) => {
    const digits = value.replace(/\D/g, "").length;
    return digits >= 10 && digits <= 15;
  }, "Enter a phone number of 10 to 15 digits");
