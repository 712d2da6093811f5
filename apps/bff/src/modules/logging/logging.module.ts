import { Module, RequestMethod } from "@nestjs/common";
import { LoggerModule } from "nestjs-pino";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { REDACT_PATHS } from "./redaction.js";

/**
 * Structured JSON logs through pino (nestjs-pino): one line per request with the request id
 * (set by Fastify, see `request-id.ts`), the request context on every line logged while handling
 * it, and the redaction of `REDACT_PATHS`. Level from LOG_LEVEL.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Every route; Nest 11 (path-to-regexp 8) spells the wildcard `{*path}`.
        forRoutes: [{ path: "{*path}", method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.logLevel,
          redact: { paths: REDACT_PATHS, censor: "[Redacted]" },
          customLogLevel: (_request, response, error) =>
            error || response.statusCode >= 500 ? "error" : "info",
        },
      }),
    }),
  ],
})
export class LoggingModule {}
