import { type DestinationStream, destination as pinoDestination, pino, type Logger } from "pino";
import { redactSecretValues } from "./redact-secret-values.js";

/** The request fields a log line carries (no headers). */
export interface LoggedRequest {
  id: unknown;
  method: string;
  url: string;
}

/**
 * The one pino logger of the BFF: Fastify's (`loggerInstance`; per-request child loggers, the
 * request line) and Nest's (`Logger` through nestjs-pino) — one level (LOG_LEVEL), one
 * destination, one redaction. Lines go to stdout, written asynchronously: lines logged while a
 * write is under way are sent with the next one instead of one blocking write per line on the
 * request's path (decision 0057; a crash can lose the lines not yet written), or to
 * `destination` (tests). Every finished line has its secrets removed (`redactSecretValues`, one
 * scan of the line; decision 0047).
 */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      hooks: { streamWrite: redactSecretValues },
      // One short line per request (decision 0029): who asked what and the outcome. Request and
      // response headers stay out of the line (and of every line logged while handling it).
      serializers: {
        req: (request: LoggedRequest): LoggedRequest => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
    destination ?? pinoDestination({ dest: 1, sync: false }),
  );
}
