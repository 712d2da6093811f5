import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";

/**
 * Body of a successful signup, login or refresh. The tokens themselves travel only in HttpOnly
 * cookies; the CSRF token travels in the readable `portal_csrf` cookie and must be echoed in the
 * `X-CSRF-Token` header of every state-changing request (double-submit).
 */
export const sessionSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.email(),
    firstName: z.string(),
    lastName: z.string(),
  }),
  accessTokenExpiresAt: isoDateTimeSchema,
  refreshTokenExpiresAt: isoDateTimeSchema,
});
export type Session = z.infer<typeof sessionSchema>;

/** Cookie and header names shared by the BFF and the portal. */
export const AUTH_COOKIES = {
  access: "portal_at",
  refresh: "portal_rt",
  csrf: "portal_csrf",
} as const;
/**
 * Request header (lower-case, as Node reports headers) carrying the `portal_csrf` cookie's value
 * on every state-changing request; the BFF refuses a missing or different value with 403
 * CSRF_INVALID. Source: docs/api.md "Sessions, cookies and CSRF" (double-submit cookie, OWASP CSRF
 * Prevention Cheat Sheet).
 */
export const CSRF_HEADER = "x-csrf-token";
