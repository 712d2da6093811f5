import { z } from "zod";

/**
 * CreateSsoToken answer: a one-time token and the URL that redeems it (valid for at most 60 s).
 * Source: WHMCS/developer-docs api-reference/createssotoken.md.
 */
export const createSsoTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  redirect_url: z.url(),
});
export type CreateSsoTokenResponse = z.output<typeof createSsoTokenResponseSchema>;
