import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from "@nestjs/common";
import { type FastifyReply, type FastifyRequest } from "fastify";
import { errorBody } from "./error-body.js";
import { toAppError } from "./to-app-error.js";

/**
 * The one place errors become responses: every exception (from controllers, guards, pipes, and
 * Fastify itself — body parsing, rate limiting, unknown routes) is classified by `toAppError` and
 * sent on Fastify's reply as the envelope `{ error: { code, message, fields?, requestId } }`
 * (docs/api.md) with the error's headers. Server-side failures are logged with their cause;
 * the response never carries upstream text or a stack trace.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(GlobalExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = toAppError(exception);
    if (reply.sent) {
      this.logger.error({ err: exception }, "Error after the response was sent");
      return;
    }

    if (error.status >= 500) {
      const log = {
        err: error.cause ?? error,
        code: error.code,
        method: request.method,
        url: request.url,
      };
      if (error.status === 500) {
        this.logger.error(log, "Request failed");
      } else {
        this.logger.warn(log, "Upstream failure");
      }
    }

    void reply
      .status(error.status)
      .headers(error.headers)
      .send(errorBody(error, String(request.id)));
  }
}
