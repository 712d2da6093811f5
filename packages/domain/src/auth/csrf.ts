import { z } from "zod";

/**
 * `GET /api/auth/csrf` body: the value of the `portal_csrf` cookie it sets (or keeps), to echo in
 * the `X-CSRF-Token` header of every state-changing request (docs/api.md "Sessions, cookies and
 * CSRF").
 */
export const csrfTokenResponseSchema = z.object({ csrfToken: z.string().min(1) });
export type CsrfTokenResponse = z.infer<typeof csrfTokenResponseSchema>;
