import { type DynamicModule, Module, RequestMethod } from "@nestjs/common";
import { LoggerModule } from "nestjs-pino";
import { type DestinationStream, destination as pinoDestination } from "pino";
import { APP_CONFIG } from "../config/config.module.js";
import { type AppConfig } from "../config/config.schema.js";
import { redactSecretValues } from "./redact-secret-values.js";

/**
 * Structured JSON logs through pino (nestjs-pino): one line per request with the request id
 * (set by Fastify, see `request-id.ts`), method, URL, status and duration (no headers), the request context on every line logged while handling
 * it, and the redaction of sensitive properties and secret-looking values anywhere in the line
 * (`redactSecretValues`, one scan of the finished line; decision 0047). Level from LOG_LEVEL; lines go to stdout, or to `destination` (tests).
 */
@Module({})
export class LoggingModule {
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            const options = {
              level: config.logLevel,
              hooks: { streamWrite: redactSecretValues },
              // One short line per request (decision 0029): who asked what and the outcome. The
              // default serializers copy every request and response header into the line (and
              // into the context of every line logged while handling it), which then has to be
              // redacted and scanned for secrets — most of the logging cost of a fast request.
              serializers: {
                req: (request: { id: unknown; method: string; url: string }) => ({
                  id: request.id,
                  method: request.method,
                  url: request.url,
                }),
                res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
              },
              customLogLevel: (
                _request: unknown,
                response: { statusCode: number },
                error: Error | undefined,
              ) => (error || response.statusCode >= 500 ? "error" : "info"),
            } as const;
            return {
              // Every route; Nest 11 (path-to-regexp 8) spells the wildcard `{*path}`.
              forRoutes: [{ path: "{*path}", method: RequestMethod.ALL }],
              // stdout written asynchronously: lines logged while a write is under way are sent
              // with the next one, instead of one blocking write per line on the request's path
              // (decision 0057). A crash can lose the lines not yet written.
              pinoHttp: [options, destination ?? pinoDestination({ dest: 1, sync: false })],
            };
          },
        }),
      ],
    };
  }
}
