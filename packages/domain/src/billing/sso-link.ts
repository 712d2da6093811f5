import { z } from "zod";
import { isoDateTimeSchema } from "../common/iso-date.js";

/** Host names that stay on the customer's machine (the sandbox's WHMCS in development). */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A payment page the browser may be sent to: https only, or plain http to the loopback address
 * (the sandbox of embedded mode). Never `javascript:`, `data:` or another scheme, whatever
 * WHMCS answers.
 */
const paymentPageUrlSchema = z.url().refine((value) => {
  const { protocol, hostname } = new URL(value);
  return protocol === "https:" || (protocol === "http:" && LOOPBACK_HOSTS.has(hostname));
}, "The payment link must be an https:// address");

/**
 * `POST /api/invoices/:id/sso-link` response: a one-time WHMCS single sign-on URL that opens
 * the invoice inside WHMCS for payment. Valid once, for about 60 seconds (WHMCS CreateSsoToken).
 * The portal parses the answer with this schema before following the link.
 */
export const ssoLinkSchema = z.object({
  url: paymentPageUrlSchema,
  expiresAt: isoDateTimeSchema,
});
export type SsoLink = z.infer<typeof ssoLinkSchema>;
