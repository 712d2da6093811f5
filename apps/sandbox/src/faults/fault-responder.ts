import type { FastifyReply, FastifyRequest } from "fastify";
import type { RequestHolds } from "../server/request-holds.js";
import type { ActiveFault } from "./fault.js";
import { FAULT_DIALECTS } from "./fault-dialects.js";

/** How long a `timeout` fault keeps a connection before dropping it. Source: wiring.md "Control API". */
const TIMEOUT_HOLD_MS = 60_000;

/**
 * Acts out `fault` on a call in its stand-in's dialect. Returns true when the fault answered
 * (or deliberately did not answer) the call, false when the call should proceed normally
 * (after a `latency` delay, or with its answer held for a `hold`; `subject` is what the fault
 * matched). Source: wiring.md "Control API".
 */
export async function respondWithFault(
  fault: ActiveFault,
  request: FastifyRequest,
  reply: FastifyReply,
  holds: RequestHolds,
  subject: string,
): Promise<boolean> {
  const dialect = FAULT_DIALECTS[fault.system];
  switch (fault.kind) {
    case "latency":
      await holds.delay(fault.latencyMs ?? 1000);
      return false;
    case "hold":
      holds.holdAnswer(request, request.raw.socket, {
        faultId: fault.id,
        system: fault.system,
        subject,
        phase: "answer",
      });
      return false;
    case "hold-before":
      await holds.holdRequest(request, request.raw.socket, {
        faultId: fault.id,
        system: fault.system,
        subject,
        phase: "before",
      });
      // The client died while the call waited: nobody is there to act for, so nothing is done.
      if (request.raw.socket.destroyed) {
        reply.hijack();
        return true;
      }
      return false;
    case "timeout":
      reply.hijack();
      holds.holdOpen(request.raw.socket, TIMEOUT_HOLD_MS);
      return true;
    case "http5xx":
      await dialect.serverError(reply, fault.status ?? 503, fault.message);
      return true;
    case "malformed":
      await reply.code(200).type("application/json; charset=utf-8").send(dialect.malformedBody);
      return true;
    default:
      await dialect.ownError(reply, fault.kind, fault.message);
      return true;
  }
}
