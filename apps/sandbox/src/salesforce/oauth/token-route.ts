import { createHmac, randomBytes } from "node:crypto";
import type { raw } from "@portal/salesforce";
import type { FastifyInstance, FastifyReply } from "fastify";
import { decodeJwt, errors as joseErrors, jwtVerify } from "jose";
import type { SandboxServices } from "../../server/sandbox-services.js";
import { formFields } from "../../server/form-fields.js";
import { INTEGRATION_USER_ID } from "../org-identity.js";

const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/** Audiences Salesforce accepts besides the sandbox's own login URL. */
const STANDARD_AUDIENCES = ["https://login.salesforce.com", "https://test.salesforce.com"];

/** Key that signs the `signature` field of token responses (meaningless outside the sandbox). */
const RESPONSE_SIGNING_KEY = randomBytes(32);

/**
 * `POST /salesforce/services/oauth2/token`, the OAuth 2.0 JWT bearer flow: form fields
 * `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` and `assertion`, an RS256 JWT signed
 * with the connected app's private key, verified against its certificate, with `iss` = client id,
 * `sub` = integration username, `aud` = the login URL (the stand-in's base URL,
 * https://login.salesforce.com or https://test.salesforce.com) and an `exp` in the future.
 * Success: `{ access_token, scope, instance_url, id, token_type: "Bearer", issued_at, signature }`;
 * failures are HTTP 400 `{ error, error_description }` as Salesforce words them.
 * Source: Salesforce Help "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration".
 */
export function registerTokenRoute(
  app: FastifyInstance,
  services: SandboxServices,
  baseUrl: () => string,
): void {
  app.post("/services/oauth2/token", async (request, reply) => {
    const fields = formFields(request.body);
    if (fields.grant_type !== JWT_BEARER_GRANT) {
      return oauthError(reply, "unsupported_grant_type", "grant type not supported");
    }
    const assertion = fields.assertion ?? "";
    let claims: ReturnType<typeof decodeJwt>;
    try {
      claims = decodeJwt(assertion);
    } catch {
      return oauthError(reply, "invalid_grant", "invalid assertion");
    }
    const { clientId, username, certificateKey } = services.salesforceCredentials;
    if (claims.iss !== clientId)
      return oauthError(reply, "invalid_client_id", "client identifier invalid");
    const loginUrl = baseUrl();
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (
      !audiences.some(
        (audience) => audience === loginUrl || STANDARD_AUDIENCES.includes(audience ?? ""),
      )
    ) {
      return oauthError(reply, "invalid_grant", "audience is invalid");
    }
    try {
      await jwtVerify(assertion, certificateKey, {
        algorithms: ["RS256"],
        requiredClaims: ["exp"],
        currentDate: services.clock(),
      });
    } catch (error) {
      const expired = error instanceof joseErrors.JWTExpired;
      services.logger.debug(
        { reason: error instanceof Error ? error.message : String(error) },
        "JWT assertion refused",
      );
      return oauthError(
        reply,
        "invalid_grant",
        expired ? "expired authorization code" : "invalid assertion",
      );
    }
    if (claims.sub !== username)
      return oauthError(reply, "invalid_grant", "user hasn't approved this consumer");

    const accessToken = services.accessTokens.issue();
    const instanceUrl = baseUrl();
    const identityUrl = `${loginUrl}/id/${accessToken.split("!")[0] ?? ""}/${INTEGRATION_USER_ID}`;
    const issuedAt = String(services.clock().getTime());
    const body: raw.RawTokenResponse = {
      access_token: accessToken,
      scope: "api",
      instance_url: instanceUrl,
      id: identityUrl,
      token_type: "Bearer",
      issued_at: issuedAt,
      signature: createHmac("sha256", RESPONSE_SIGNING_KEY)
        .update(identityUrl + issuedAt)
        .digest("base64"),
    };
    return body;
  });
}

function oauthError(reply: FastifyReply, error: string, description: string): FastifyReply {
  return reply
    .code(400)
    .send({ error, error_description: description } satisfies raw.RawOAuthError);
}
