import { z } from "zod";
import { toHalfWidth } from "../common/half-width.js";

/**
 * A phone number: digits with optional leading `+`, spaces, hyphens and brackets, 10–15 digits
 * (Japanese numbers are 10 or 11 digits, e.g. `090-1234-5678`). Full-width digits and dashes are
 * accepted and normalised (`toHalfWidth`, DESIGN.md §10); otherwise stored as typed.
 */
export const phoneSchema = z
  .string()
  .overwrite(toHalfWidth)
  .trim()
  .regex(/^\+?[\d\s()-]+$/, "Enter a phone number using digits, spaces or hyphens")
  .refine((value) => {
    const digits = value.replace(/\D/g, "").length;
    return digits >= 10 && digits <= 15;
  }, "Enter a phone number of 10 to 15 digits");
