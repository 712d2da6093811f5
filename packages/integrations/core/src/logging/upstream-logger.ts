/**
 * The structured logger every integration client reports to (pino-compatible: object first, message
 * second). The BFF hands in one that writes through its own logger, so lines carry the request id and
 * pass the redaction; objects must never hold credentials.
 */
export interface UpstreamLogger {
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** The logger of a client that was given none: drops everything. */
export const silentLogger: UpstreamLogger = { warn: () => undefined, debug: () => undefined };
