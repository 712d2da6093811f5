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
export const CSRF_HEADER = "x-csrf-token";
