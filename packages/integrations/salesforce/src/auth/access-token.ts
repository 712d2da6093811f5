import { SalesforceError } from "../errors/salesforce-error.js";
import { fetchFailure } from "../errors/fetch-failure.js";
import { oauthErrorSchema } from "../raw/oauth-error.js";
import { tokenResponseSchema } from "../raw/token-response.js";

/** The operation name of the token request, in errors and call records. */
export const SIGN_IN = "signIn";

/** A signed-in REST session: the bearer token and the org's REST host (no trailing slash). */
export interface AccessToken {
  accessToken: string;
  instanceUrl: string;
}

/** Where and how to exchange an assertion for an access token. */
export interface AccessTokenRequest {
  /** Login URL without trailing slash. */
  loginUrl: string;
  /** Signed JWT bearer assertion. */
  assertion: string;
  fetch: typeof fetch;
  /** Abort the request after this many milliseconds. */
  timeoutMs: number;
}

/**
 * `POST {loginUrl}/services/oauth2/token`, form `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`
 * and `assertion`, → `{ access_token, instance_url }`.
 * Throws `SalesforceError`: `unavailable` (no response, timeout, 429/5xx), `auth` (any other refusal,
 * `vendorCode` = OAuth `error` such as `invalid_grant` / `invalid_client_id`), `malformed` (a 200 that is
 * not a token response).
 * Source: Salesforce Help, "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration"
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm).
 */
export async function requestAccessToken(request: AccessTokenRequest): Promise<AccessToken> {
  let response: Response;
  let text: string;
  try {
    response = await request.fetch(`${request.loginUrl}/services/oauth2/token`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        assertion: request.assertion,
      }),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw fetchFailure(SIGN_IN, error, "token endpoint");
  }
  const body = parseJson(text);
  if (!response.ok) {
    const oauthError = oauthErrorSchema.safeParse(body);
    const kind = response.status === 429 || response.status >= 500 ? "unavailable" : "auth";
    throw new SalesforceError(kind, SIGN_IN, {
      message: `Salesforce sign-in failed with HTTP ${response.status}`,
      httpStatus: response.status,
      vendorCode: oauthError.data?.error,
      vendorMessage: oauthError.data?.error_description,
    });
  }
  const token = tokenResponseSchema.safeParse(body);
  if (!token.success) {
    throw new SalesforceError("malformed", SIGN_IN, {
      message: "Salesforce token response is not the documented shape",
      httpStatus: response.status,
      cause: token.error,
    });
  }
  return {
    accessToken: token.data.access_token,
    instanceUrl: token.data.instance_url.replace(/\/+$/, ""),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
