import { randomUUID } from "node:crypto";
import { type IncomingMessage } from "node:http";
import { type FastifyReply, type FastifyRequest } from "fastify";

/** Header that carries the request id in and out (docs/api.md: "Every response carries x-request-id"). */
const REQUEST_ID_HEADER = "x-request-id";

/** What a caller-supplied id may look like; anything else is replaced (log injection, size). */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify `genReqId`: the caller's `x-request-id` when it is a plain token (so a proxy's id runs
 * through every log line), otherwise a new UUID.
 */
export function requestIdFor(request: IncomingMessage): string {
  const supplied = request.headers[REQUEST_ID_HEADER];
  return typeof supplied === "string" && ACCEPTABLE_ID.test(supplied) ? supplied : randomUUID();
}

/**
 * Fastify `onRequest` hook: echoes the id on the response, so the envelope's `requestId`, the
 * header and the log lines (`req.id`) agree.
 */
export async function exposeRequestId(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header(REQUEST_ID_HEADER, request.id);
}
