import { type DestinationStream, destination as pinoDestination, pino, type Logger } from "pino";
import { redactSecretValues } from "./redact-secret-values.js";

/** The request fields a log line carries (no headers). */
export interface LoggedRequest {
  id: unknown;
  method: string;
  url: string;
}

/**
 * How the BFF's stdout lines are written (decisions 0057, 0080): asynchronously, gathered until
 * 4 KiB are waiting or 250 ms have passed, so a busy BFF makes one write for a dozen lines instead
 * of one per request (each write is a trip through libuv's thread pool). A crash loses at most the
 * lines of those 250 ms; an orderly exit writes them (pino's exit handling of `sync: false`).
 */
const STDOUT_DESTINATION = { dest: 1, sync: false, minLength: 4096, periodicFlush: 250 } as const;

/**
 * The one pino logger of the BFF: Fastify's (`loggerInstance`; per-request child loggers, the
 * request line) and Nest's (`Logger` through nestjs-pino) — one level (LOG_LEVEL), one
 * destination, one redaction. Lines go to stdout, written asynchronously in batches
 * ({@link STDOUT_DESTINATION}), or to
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
    destination ?? pinoDestination(STDOUT_DESTINATION),
  );
}
