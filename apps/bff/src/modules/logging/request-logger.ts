import { type IncomingMessage } from "node:http";
import {
  type FastifyBaseLogger,
  type FastifyServerOptions,
  type FastifyReply,
  type FastifyRequest,
  type HookHandlerDoneFunction,
} from "fastify";
import { Store, storage } from "nestjs-pino/storage.js";
import { type Logger } from "pino";

/**
 * Fastify `childLoggerFactory`: the logger of one request, bound to `req` {id, method, url} (the
 * `req` serializer of `createRootLogger` keeps those three), so the request line and every line
 * logged while handling the request carry the request id — the shape pino-http gave them before
 * decision 0079.
 */
export const requestLogger: NonNullable<FastifyServerOptions["childLoggerFactory"]> =
  function requestLogger(
    logger: FastifyBaseLogger,
    bindings: { reqId?: unknown },
    options: object,
    request: IncomingMessage,
  ) {
    return logger.child(
      { req: { id: bindings.reqId, method: request.method, url: request.url } },
      options,
    );
  };

/**
 * Fastify `onRequest` hook (registered first): runs the rest of the request inside nestjs-pino's
 * request context, so Nest `Logger` lines logged while handling it go through the request's
 * logger (and carry its id) — what nestjs-pino's own middleware does, without the Express
 * middleware layer (@fastify/middie) it needs on Fastify (decision 0079).
 */
export function bindRequestContext(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  // Fastify types its loggers loosely; the BFF's are pino's (`loggerInstance`).
  storage.run(new Store(request.log as Logger), done);
}

/**
 * Fastify `onRequestAbort` hook: the line of a request whose client went away before it was
 * answered (pino-http's `request aborted`), instead of none.
 */
export async function logAbortedRequest(request: FastifyRequest): Promise<void> {
  request.log.info("request aborted");
}
