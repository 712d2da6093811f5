import { SalesforceError } from "../errors/salesforce-error.js";
import { fetchFailure } from "../errors/fetch-failure.js";
import { oauthErrorSchema } from "../raw/oauth-error.js";
import { tokenResponseSchema } from "../raw/token-response.js";

/** The operation name of the token request, in errors and call records. */
export const SIGN_IN = "signIn";

/**
 * A signed-in session: the bearer token, the org's REST host (no trailing slash) and the org id
 * (`00D…`, from the token response's identity URL `id`; null when the answer has none).
 */
export interface AccessToken {
  accessToken: string;
  instanceUrl: string;
  organizationId: string | null;
}

/**
 * The org id in an identity URL (`https://login.salesforce.com/id/<org id>/<user id>`), or null.
 * Source: Salesforce Help, "Identity URLs".
 */
export function organizationIdOf(identityUrl: string | undefined): string | null {
  const match =
    identityUrl === undefined ? null : /\/id\/(00D[A-Za-z0-9]{12,15})\//.exec(identityUrl);
  return match?.[1] ?? null;
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
 * and `assertion`, → `{ access_token, instance_url, id }` (the org id is read from the identity URL `id`).
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
    organizationId: organizationIdOf(token.data.id),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
