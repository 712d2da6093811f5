import { z } from "zod";

/**
 * The success body of `POST {loginUrl}/services/oauth2/token` for the JWT bearer grant:
 * `{ access_token, scope, instance_url, id, token_type, issued_at, signature }` (no refresh token in this flow).
 * `instance_url` is the org's REST host (`https://<my-domain>.my.salesforce.com`).
 * Source: Salesforce Help, "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration"
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm).
 */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  instance_url: z.url(),
  token_type: z.string().optional(),
  scope: z.string().optional(),
  id: z.string().optional(),
  /** Epoch milliseconds of issue, as text. */
  issued_at: z.string().optional(),
  /** Base64 HMAC-SHA256 of `id` + `issued_at` with the consumer secret. */
  signature: z.string().optional(),
});
/** The token endpoint's success body. */
export type RawTokenResponse = z.infer<typeof tokenResponseSchema>;
