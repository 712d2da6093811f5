import fastifyCookie from "@fastify/cookie";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter, type NestFastifyApplication } from "@nestjs/platform-fastify";
import { Logger } from "nestjs-pino";
import { AppModule, type BffHostOptions } from "./app.module.js";
import { registerAuthRateLimit } from "./modules/auth/auth-rate-limit.js";
import { REDIS_CLIENT } from "./modules/cache/redis-client.js";
import { parseConfig } from "./modules/config/parse-config.js";
import { applyBodyLimit, DEFAULT_BODY_LIMIT_BYTES } from "./modules/http/body-limit.js";
import { frameworkErrorHandler } from "./modules/http/framework-errors.js";
import { useJsonBodyParser } from "./modules/http/json-body-parser.js";
import { responseHeaders } from "./modules/http/response-headers.js";
import { registerUpstreamBudget } from "./modules/http/upstream-budget.js";
import { RequestLogController } from "./modules/logging/request-log-controller.js";
import { exposeRequestId, requestIdFor } from "./modules/logging/request-id.js";
import {
  bindRequestContext,
  logAbortedRequest,
  requestLogger,
} from "./modules/logging/request-logger.js";
import { createRootLogger } from "./modules/logging/root-logger.js";
import { registerMetrics } from "./modules/metrics/metrics-endpoint.js";
import { MetricsService } from "./modules/metrics/metrics.service.js";
import { registerApiReference } from "./modules/openapi/api-reference.js";
import { API_ROUTES } from "./modules/openapi/api-routes.js";
import { buildOpenApiDocument } from "./modules/openapi/openapi-document.js";
import { validateResponses } from "./modules/openapi/response-validation.js";
import { recordRoutes } from "./modules/openapi/route-inventory.js";

/** How often Node looks for requests past their headers or request timeout. */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

/** Title and version of the OpenAPI document at `/api/openapi.json`. */
const API_INFO = { title: "Customer portal API", version: "0.1.0" };

/**
 * Builds the BFF from `env` (the variables of docs/architecture/wiring.md; `process.env` is never
 * read): validates the configuration, opens and migrates the database, connects the cache and the
 * upstream clients, seeds the demo user when PORTAL_SEED_DEMO is on, and returns the initialised
 * NestJS application on Fastify with every route under `/api` — not yet listening (call
 * `app.listen({ host, port })`; `app.close()` releases the database and Redis). `options`:
 * where log lines go (default stdout).
 * @throws ConfigError naming each missing or malformed variable; the driver's error when the
 *   database cannot be opened or migrated.
 */
export async function createBffApp(
  env: Record<string, string | undefined>,
  options: BffHostOptions = {},
): Promise<NestFastifyApplication> {
  const config = parseConfig(env);
  const logger = createRootLogger(config.logLevel, options.logDestination);
  const adapter = new FastifyAdapter({
    // Fastify logs through the BFF's logger and writes the line per request (decision 0079);
    // no Nest middleware is used, so @fastify/middie is not registered.
    loggerInstance: logger,
    childLoggerFactory: requestLogger,
    logController: new RequestLogController(),
    skipMiddie: true,
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    trustProxy: config.http.trustProxy,
    genReqId: requestIdFor,
    frameworkErrors: frameworkErrorHandler(config.production),
    // Slow clients cannot hold the listener (DESIGN.md §7): headers, the whole request (headers and
    // body) and an idle socket each have a limit; Node answers 408 and closes the connection.
    requestTimeout: config.http.requestTimeoutMs,
    connectionTimeout: config.http.idleTimeoutMs,
    http: {
      headersTimeout: config.http.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(
        TIMEOUT_CHECK_INTERVAL_MS,
        config.http.headersTimeoutMs,
      ),
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger),
    adapter,
    {
      bodyParser: false,
      bufferLogs: true,
      abortOnError: false,
    },
  );
  try {
    app.useLogger(app.get(Logger));
    const fastify = app.getHttpAdapter().getInstance();
    recordRoutes(fastify);
    fastify.addHook("onRequest", bindRequestContext);
    fastify.addHook("onRequestAbort", logAbortedRequest);
    fastify.addHook("onRequest", exposeRequestId);
    fastify.addHook("onRequest", responseHeaders(config.production));
    registerUpstreamBudget(fastify, config.http.upstreamBudgetMs);
    fastify.addHook("onRoute", applyBodyLimit);
    useJsonBodyParser(fastify, DEFAULT_BODY_LIMIT_BYTES);
    await fastify.register(fastifyCookie);
    await registerAuthRateLimit(fastify, config, app.get(REDIS_CLIENT));
    registerMetrics(fastify, app.get(MetricsService), config.metrics.token);
    registerApiReference(fastify, buildOpenApiDocument(API_ROUTES, API_INFO));
    if (config.validateResponses) {
      validateResponses(fastify, API_ROUTES);
    }
    app.setGlobalPrefix("api");
    await app.init();
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}
