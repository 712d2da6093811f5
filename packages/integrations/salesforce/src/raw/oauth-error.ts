import { z } from "zod";

/**
 * The error body of the OAuth token endpoint, e.g. `{ "error": "invalid_grant", "error_description":
 * "user hasn't approved this consumer" }` (HTTP 400). Source: Salesforce Help, "OAuth 2.0 JWT Bearer Flow
 * for Server-to-Server Integration" (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm).
 */
export const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
/** The OAuth token endpoint's error body. */
export type RawOAuthError = z.infer<typeof oauthErrorSchema>;
