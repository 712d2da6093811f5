import type { FastifyReply, FastifyRequest } from "fastify";
import type { UpstreamSystem } from "../calls/call-counter.js";
import type { RequestHolds } from "../server/request-holds.js";
import type { ActiveFault } from "./fault.js";

/** How long a `timeout` fault keeps a connection before dropping it. Source: wiring.md "Control API". */
const TIMEOUT_HOLD_MS = 60_000;

/**
 * Acts out `fault` on a call. Returns true when the fault answered (or deliberately did not
 * answer) the call, false when the call should proceed normally (after a `latency` delay).
 * Bodies imitate each system: WHMCS errors are `{"result":"error"}` documents and its 5xx pages
 * come from the web server in front of it; Salesforce errors are `[{ errorCode, message }]`
 * arrays. Source: wiring.md "Control API"; Salesforce REST API "Status Codes and Error Responses".
 */
export async function respondWithFault(
  fault: ActiveFault,
  system: UpstreamSystem,
  request: FastifyRequest,
  reply: FastifyReply,
  holds: RequestHolds,
): Promise<boolean> {
  switch (fault.kind) {
    case "latency":
      await holds.delay(fault.latencyMs ?? 1000);
      return false;
    case "timeout":
      reply.hijack();
      holds.holdOpen(request.raw.socket, TIMEOUT_HOLD_MS);
      return true;
    case "http5xx": {
      const status = fault.status ?? 503;
      if (system === "whmcs") {
        await reply
          .code(status)
          .type("text/html; charset=utf-8")
          .send(
            `<html><head><title>${status} Service Unavailable</title></head><body><h1>${fault.message ?? "Service Unavailable"}</h1></body></html>`,
          );
      } else {
        await reply.code(status).send([
          {
            errorCode: "SERVER_UNAVAILABLE",
            message: fault.message ?? "Server temporarily unavailable.",
          },
        ]);
      }
      return true;
    }
    case "whmcs-error":
      await reply
        .code(200)
        .send({ result: "error", message: fault.message ?? "An unexpected error occurred" });
      return true;
    case "sf-request-limit":
      await reply.code(403).send([
        {
          errorCode: "REQUEST_LIMIT_EXCEEDED",
          message: fault.message ?? "TotalRequests Limit exceeded.",
        },
      ]);
      return true;
    case "malformed":
      await reply
        .code(200)
        .type("application/json; charset=utf-8")
        .send(
          system === "whmcs"
            ? '{"result":"success","totalresults":'
            : '{"totalSize":1,"done":true,"records":[{"attr',
        );
      return true;
  }
}
