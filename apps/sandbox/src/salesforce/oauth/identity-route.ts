import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { SandboxServices } from "../../server/sandbox-services.js";
import {
  INTEGRATION_USER_ID,
  INTEGRATION_USER_TIME_ZONE,
  INTEGRATION_USER_UTC_OFFSET_MS,
  ORG_ID,
} from "../org-identity.js";

const identityParamsSchema = z.object({ orgId: z.string(), userId: z.string() });
const identityQuerySchema = z.object({ oauth_token: z.string().optional() });

/**
 * `GET <login>/id/<org id>/<user id>`, the identity URL the token endpoint returns as `id`: the
 * integration user and the org's URLs (`{version}` left as a placeholder, as Salesforce does).
 * The access token comes as `Authorization: Bearer …` or `?oauth_token=`; without a valid one the
 * answer is 403 `Bad_OAuth_Token`, and 404 for another org's or user's URL.
 * Source: Salesforce Help, "Identity URLs" (response fields); jsforce `Connection.identity()`.
 */
export function registerIdentityRoute(
  app: FastifyInstance,
  services: SandboxServices,
  baseUrl: () => string,
): void {
  app.get("/id/:orgId/:userId", async (request, reply) => {
    const { orgId, userId } = identityParamsSchema.parse(request.params);
    const bearer = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const token = bearer ?? identityQuerySchema.parse(request.query).oauth_token;
    if (token === undefined || !services.accessTokens.isValid(token)) {
      return reply.code(403).type("text/plain; charset=utf-8").send("Bad_OAuth_Token");
    }
    if (orgId !== ORG_ID || userId !== INTEGRATION_USER_ID) {
      return reply.code(404).type("text/plain; charset=utf-8").send("Bad_Id");
    }
    const base = baseUrl();
    const { username } = services.salesforceCredentials;
    const data = `${base}/services/data/v{version}`;
    return {
      id: `${base}/id/${ORG_ID}/${INTEGRATION_USER_ID}`,
      asserted_user: true,
      user_id: INTEGRATION_USER_ID,
      organization_id: ORG_ID,
      username,
      nick_name: username.split("@")[0] ?? username,
      display_name: "Portal Integration",
      email: username,
      email_verified: true,
      first_name: "Portal",
      last_name: "Integration",
      timezone: INTEGRATION_USER_TIME_ZONE,
      active: true,
      user_type: "STANDARD",
      language: "en_US",
      locale: "ja_JP",
      utcOffset: INTEGRATION_USER_UTC_OFFSET_MS,
      last_modified_date: "2025-01-01T00:00:00.000+0000",
      is_app_installed: true,
      urls: {
        enterprise: `${base}/services/Soap/c/{version}/${ORG_ID.slice(0, 15)}`,
        metadata: `${base}/services/Soap/m/{version}/${ORG_ID.slice(0, 15)}`,
        partner: `${base}/services/Soap/u/{version}/${ORG_ID.slice(0, 15)}`,
        rest: `${data}/`,
        sobjects: `${data}/sobjects/`,
        search: `${data}/search/`,
        query: `${data}/query/`,
        recent: `${data}/recent/`,
        profile: `${base}/${INTEGRATION_USER_ID}`,
        limits: `${data}/limits/`,
        custom_domain: base,
      },
    };
  });
}
