import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";

/**
 * `POST /api/invoices/:id/sso-link` response: a one-time WHMCS single sign-on URL that opens
 * the invoice inside WHMCS for payment. Valid once, for about 60 seconds (WHMCS CreateSsoToken).
 */
export const ssoLinkSchema = z.object({
  url: z.url(),
  expiresAt: isoDateTimeSchema,
});
export type SsoLink = z.infer<typeof ssoLinkSchema>;
