import { z } from "zod";
import { toHalfWidth } from "../common/half-width.js";

/** Minutes a sign-up verification code stays valid (issue 5 §3: "10 minutes"). */
export const SIGNUP_CODE_VALID_MINUTES = 10;

/** Refused sign-ups a code survives; the next try finds it dead (issue 5 §3: "5 tries"). */
export const SIGNUP_CODE_MAX_ATTEMPTS = 5;

/** Seconds before another code may be sent to the same address (the portal's resend cooldown). */
export const SIGNUP_CODE_RESEND_SECONDS = 60;

/**
 * The 6-digit code from the sign-up e-mail. Full-width digits, spaces and hyphens are accepted
 * (`toHalfWidth`; DESIGN.md §10) and dropped: `１２３ ４５６` → `123456`.
 */
export const signupCodeSchema = z
  .string()
  .max(40, "Enter the 6-digit code from the e-mail")
  .overwrite((value) => toHalfWidth(value).replace(/[\s-]/g, ""))
  .regex(/^\d{6}$/, "Enter the 6-digit code from the e-mail");
