import { type ApiError, type ErrorCode, errorStatus } from "@portal/domain";
import { type FastifyError, type FastifyReply, type FastifyRequest } from "fastify";
import { securityHeaders } from "./security-headers.js";

/** What each of Fastify's routing failures means for the client; never echoes the path. */
const ANSWERS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_BAD_URL: {
    code: "VALIDATION_FAILED",
    message: "The address of the request is not valid.",
  },
  // A path segment longer than any id we issue cannot name anything.
  FST_ERR_MAX_PARAM_LENGTH: { code: "NOT_FOUND", message: "We could not find what you asked for." },
};

const INTERNAL = {
  code: "INTERNAL" as const,
  message: "Something went wrong on our side. Please try again in a few minutes.",
};

/**
 * Fastify `frameworkErrors`: the failures Fastify answers while routing, before any hook or Nest
 * sees the request (a malformed percent-encoding, an over-long path parameter). Answers them like
 * every other error — the envelope with the request id, `x-request-id`, `no-store` and the
 * security headers — instead of Fastify's default body, which echoes the path and has no headers.
 */
export function frameworkErrorHandler(
  production: boolean,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  const headers = securityHeaders(production);
  return (error, request, reply) => {
    const answer = ANSWERS[error.code] ?? INTERNAL;
    if (answer === INTERNAL) {
      request.log.error({ err: error }, "Request failed while routing");
    }
    const body: ApiError = {
      error: { code: answer.code, message: answer.message, requestId: String(request.id) },
    };
    void reply
      .code(errorStatus[answer.code])
      .headers(headers)
      .header("x-request-id", request.id)
      .header("cache-control", "no-store")
      .send(body);
  };
}
