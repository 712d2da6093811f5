import type { raw } from "@portal/salesforce";
import type { FastifyError, FastifyInstance } from "fastify";
import { respondWithFault } from "../faults/fault-responder.js";
import type { StandInRoutesOptions } from "../stand-ins/stand-in.js";
import { registerCompositeRoutes } from "./composite/composite-routes.js";
import { findSObjectType } from "./model/sobject-registry.js";
import { registerIdentityRoute } from "./oauth/identity-route.js";
import { registerTokenRoute } from "./oauth/token-route.js";
import { listVersions } from "./rest/api-versions.js";
import { DAILY_API_REQUESTS, registerResourceRoutes } from "./rest/resource-routes.js";
import { registerSObjectRoutes } from "./rest/sobject-routes.js";
import { notFound, SalesforceApiError } from "./salesforce-error.js";

/**
 * The Salesforce stand-in's routes, relative to its base URL (`/salesforce` on the shared
 * server, `/` on its own port, where `instance_url` has no path as Salesforce's has none);
 * `SF_LOGIN_URL` and the returned `instance_url` are both that base URL. Every call is counted (by method and path template)
 * and may be taken over by an injected fault; REST resources below `/services/data/vXX.X/` need
 * `Authorization: Bearer <access token>` (else 401 `INVALID_SESSION_ID`). Errors are answered as
 * Salesforce's `[{ message, errorCode, fields? }]` arrays.
 * Source: Salesforce REST API Developer Guide; docs/architecture/wiring.md "Sandbox URLs".
 */
export async function salesforcePlugin(
  app: FastifyInstance,
  options: StandInRoutesOptions,
): Promise<void> {
  const { services, basePath } = options;

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof SalesforceApiError)
      return reply.code(error.statusCode).send(error.toBody());
    const status = error.statusCode ?? 500;
    if (status < 500) {
      return reply.code(status).send([
        {
          message: error.message,
          errorCode: status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : "JSON_PARSER_ERROR",
        },
      ] satisfies raw.RawRestError[]);
    }
    services.logger.error({ err: error }, "Salesforce stand-in failed");
    return reply
      .code(500)
      .send([
        { message: "An unexpected error occurred.", errorCode: "UNKNOWN_EXCEPTION" },
      ] satisfies raw.RawRestError[]);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(notFound().toBody()));

  app.addHook("preHandler", async (request, reply) => {
    const call = `${request.method} ${pathTemplate(request.routeOptions.url, request.params, basePath)}`;
    services.calls.record("salesforce", call);
    // A fault's `match` is looked for in the path and in the call's key, so it can name a path
    // part (`/sobjects/Account`) or one kind of call (`PATCH /services/data/:version/sobjects/Order/:id`).
    const path = (request.url.split("?")[0] ?? request.url).slice(basePath.length);
    const subject = `${call} ${path}`;
    const fault = services.faults.take("salesforce", subject);
    if (fault && (await respondWithFault(fault, request, reply, services.holds, subject)))
      return reply;
  });
  // A `hold` fault's answer waits here until released.
  app.addHook("onSend", async (request) => services.holds.answerReleased(request));

  registerTokenRoute(app, services, options.baseUrl);
  registerIdentityRoute(app, services, options.baseUrl);
  app.get("/services/data", async () => listVersions());

  await app.register(async (rest) => {
    rest.addHook("preHandler", async (request) => {
      const authorization = request.headers.authorization ?? "";
      const token = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(authorization)?.[1];
      if (token === undefined || !services.accessTokens.isValid(token)) {
        throw new SalesforceApiError(401, "INVALID_SESSION_ID", "Session expired or invalid");
      }
    });
    // Every REST answer reports API usage. Source: REST API Developer Guide, "Limit Info Header".
    rest.addHook("onSend", async (_request, reply) => {
      reply.header(
        "Sforce-Limit-Info",
        `api-usage=${services.calls.total("salesforce")}/${DAILY_API_REQUESTS}`,
      );
    });
    registerResourceRoutes(rest, services);
    registerSObjectRoutes(rest, services);
    registerCompositeRoutes(rest, services);
  });
}

/**
 * The call-counter key of a route: its URL template without the base path, with the
 * sObject type filled in (`/services/data/:version/sobjects/Account/:id`).
 */
function pathTemplate(url: string | undefined, params: unknown, basePath: string): string {
  const template = (url ?? "(unknown)").slice(url === undefined ? 0 : basePath.length);
  const sobject =
    typeof params === "object" &&
    params !== null &&
    "sobject" in params &&
    typeof params.sobject === "string"
      ? params.sobject
      : undefined;
  if (sobject === undefined) return template;
  return template.replace(":sobject", findSObjectType(sobject)?.name ?? sobject);
}
