import { Logger } from "@nestjs/common";
import { type UpstreamLogger } from "@portal/integration-core";

/**
 * The pino-style logger (`warn(obj, msg)`) the upstream clients report retries and refusals to,
 * written through Nest's logger so the lines carry the request id and pass the redaction.
 */
export function upstreamLogger(context: string): UpstreamLogger {
  const logger = new Logger(context);
  return {
    warn: (obj, msg) => logger.warn(obj, msg),
    debug: (obj, msg) => logger.debug(obj, msg),
  };
}
