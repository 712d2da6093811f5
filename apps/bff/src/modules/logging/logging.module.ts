import { type DynamicModule, Module } from "@nestjs/common";
import { LoggerModule } from "nestjs-pino";
import { type Logger } from "pino";

/**
 * Nest's logging through the BFF's one pino logger (`createRootLogger`, also Fastify's): Nest
 * `Logger` lines go through nestjs-pino, through the request's logger while a request is handled
 * (`bindRequestContext`), so they carry its id. Fastify writes the line per request
 * (`RequestLogController`); nestjs-pino's own request middleware (pino-http through
 * @fastify/middie) is not used (`forRoutes: []`, decision 0079).
 */
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger }, forRoutes: [] })],
    };
  }
}
