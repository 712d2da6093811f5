import type { FastifyInstance } from "fastify";
import { respondWithFault } from "../../faults/fault-responder.js";
import type { SandboxServices } from "../../server/sandbox-services.js";
import { WhmcsActionError } from "./action-error.js";
import { findAction } from "./action-registry.js";
import { acceptMultipart, requestParams } from "./request-params.js";
import { legacyEncoding } from "./wire-format.js";
import type { WhmcsContext } from "./whmcs-action.js";

/**
 * `POST /whmcs/includes/api.php`, the External API: `action`, `identifier` + `secret` (or
 * `username` + `password`, which WHMCS accepts for the same credentials), `responsetype=json`
 * and the action's parameters, read as PHP reads them (form-encoded or multipart; a JSON body
 * gives no parameters). Answers follow the current reference, or every scalar as a string in
 * the `legacy` response mode. In order: the call is counted, an injected
 * fault may take over, then `responsetype` (JSON only), credentials (HTTP 403
 * `{"result":"error","message":"Invalid or missing credentials"}`) and the action
 * (`"Command Not Found"` for an unknown one) are checked.
 * Source: developers.whmcs.com/api/authentication; WHMCS/developer-docs api-reference/*.md.
 */
export function registerApiRoute(
  app: FastifyInstance,
  services: SandboxServices,
  baseUrl: () => string,
): void {
  const context: WhmcsContext = {
    store: services.whmcsState,
    clock: services.clock,
    baseUrl,
    ssoTokens: services.ssoTokens,
  };

  acceptMultipart(app);
  // A `hold` fault's answer waits here until released.
  app.addHook("onSend", async (request) => services.holds.answerReleased(request));
  app.post("/includes/api.php", async (request, reply) => {
    const params = requestParams(request);
    const requested = params.action ?? "";
    const action = findAction(requested);
    services.calls.record("whmcs", action?.name ?? (requested || "(no action)"));

    const fault = services.faults.take("whmcs", action?.name ?? requested);
    const subject = action?.name ?? requested;
    if (fault && (await respondWithFault(fault, request, reply, services.holds, subject)))
      return reply;

    if (params.responsetype?.toLowerCase() !== "json") {
      return reply
        .code(400)
        .type("text/plain; charset=utf-8")
        .send("The sandbox answers responsetype=json only (WHMCS would answer XML).");
    }
    const identifier = params.identifier ?? params.username;
    const secret = params.secret ?? params.password;
    const { whmcsCredentials } = services;
    if (identifier !== whmcsCredentials.identifier || secret !== whmcsCredentials.secret) {
      return reply.code(403).send({ result: "error", message: "Invalid or missing credentials" });
    }
    if (!action) return reply.send({ result: "error", message: "Command Not Found" });
    try {
      const answer = await action.handler(params, context);
      return services.whmcsResponseMode.current === "legacy" ? legacyEncoding(answer) : answer;
    } catch (error) {
      if (error instanceof WhmcsActionError) return { result: "error", message: error.message };
      throw error;
    }
  });
}
