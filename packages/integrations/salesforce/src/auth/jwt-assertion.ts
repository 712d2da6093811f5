import type { KeyObject } from "node:crypto";
import { SignJWT } from "jose";

/**
 * How long the assertion is valid. Salesforce rejects an `exp` more than 3 minutes ahead.
 * Source: Salesforce Help, "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration"
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm).
 */
export const ASSERTION_LIFETIME_SECONDS = 180;

/** Who signs in: the connected app (`iss`), the integration user (`sub`) and the login server (`aud`). */
export interface JwtBearerClaims {
  /** Connected app consumer key. */
  clientId: string;
  /** Username of the pre-authorized integration user. */
  username: string;
  /** Login URL without trailing slash: `https://login.salesforce.com`, `https://test.salesforce.com` or My Domain. */
  audience: string;
}

/**
 * Signs the JWT bearer assertion: header `{ alg: "RS256" }`, claims `iss`, `sub`, `aud` and
 * `exp` = now + 180 s (Unix seconds). Source: same Salesforce Help page as above.
 */
export async function signJwtBearerAssertion(
  claims: JwtBearerClaims,
  key: KeyObject,
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(claims.clientId)
    .setSubject(claims.username)
    .setAudience(claims.audience)
    .setExpirationTime(Math.floor(Date.now() / 1000) + ASSERTION_LIFETIME_SECONDS)
    .sign(key);
}
