import { type FastifyReply, type FastifyRequest, LogController } from "fastify";
import { currentUserOf } from "../http/current-user.js";

/**
 * Fastify's request logging (`logController`), one line per request when it is answered, in the
 * shape pino-http wrote before decision 0079: `req` {id, method, url} (bound to the request's
 * logger, see `request-logger.ts`), `res` {statusCode}, `responseTime` (ms), `userId` when the
 * request was signed in, message `request completed` — at `error` level with an `err` and
 * message `request errored` when the response is a 5xx or failed. No line when the request
 * arrives: the one line says who asked what and the outcome (decision 0029).
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {
    // One line per request, written when it is answered.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      res: reply,
      responseTime: Math.round(reply.elapsedTime),
      userId: currentUserOf(request)?.id,
    };
    if (error || reply.statusCode >= 500) {
      const err = error ?? new Error(`failed with status code ${reply.statusCode}`);
      reply.log.error({ ...line, err }, "request errored");
    } else {
      reply.log.info(line, "request completed");
    }
  }
}
