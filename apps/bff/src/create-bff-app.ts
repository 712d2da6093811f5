import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter, type NestFastifyApplication } from "@nestjs/platform-fastify";
import { Logger } from "nestjs-pino";
import { AppModule } from "./app.module.js";
import { registerAuthRateLimit } from "./modules/auth/auth-rate-limit.js";
import { REDIS_CLIENT } from "./modules/cache/redis-client.js";
import { parseConfig } from "./modules/config/parse-config.js";
import { useJsonBodyParser } from "./modules/http/json-body-parser.js";
import { noStore } from "./modules/http/no-store.js";
import { exposeRequestId, requestIdFor } from "./modules/logging/request-id.js";
import { registerMetrics } from "./modules/metrics/metrics-endpoint.js";
import { MetricsService } from "./modules/metrics/metrics.service.js";
import { registerApiReference } from "./modules/openapi/api-reference.js";
import { API_ROUTES } from "./modules/openapi/api-routes.js";
import { buildOpenApiDocument } from "./modules/openapi/openapi-document.js";
import { validateResponses } from "./modules/openapi/response-validation.js";
import { recordRoutes } from "./modules/openapi/route-inventory.js";

/** Largest request body accepted (docs/api.md: over 64 KiB → 413 PAYLOAD_TOO_LARGE). */
const BODY_LIMIT_BYTES = 64 * 1024;

/** Title and version of the OpenAPI document at `/api/openapi.json`. */
const API_INFO = { title: "Customer portal API", version: "0.1.0" };

/** HSTS for one year, subdomains included — production only (local HTTP must keep working). */
const HSTS = { maxAge: 31_536_000, includeSubDomains: true };

/**
 * Builds the BFF from `env` (the variables of docs/architecture/wiring.md; `process.env` is never
 * read): validates the configuration, opens and migrates the database, connects the cache and the
 * upstream clients, seeds the demo user when PORTAL_SEED_DEMO is on, and returns the initialised
 * NestJS application on Fastify with every route under `/api` — not yet listening (call
 * `app.listen({ host, port })`; `app.close()` releases the database and Redis).
 * @throws ConfigError naming each missing or malformed variable; the driver's error when the
 *   database cannot be opened or migrated.
 */
export async function createBffApp(
  env: Record<string, string | undefined>,
): Promise<NestFastifyApplication> {
  const config = parseConfig(env);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.http.trustProxy,
    genReqId: requestIdFor,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  try {
    app.useLogger(app.get(Logger));
    const fastify = app.getHttpAdapter().getInstance();
    recordRoutes(fastify);
    fastify.addHook("onRequest", exposeRequestId);
    fastify.addHook("onRequest", noStore);
    useJsonBodyParser(fastify, BODY_LIMIT_BYTES);
    await fastify.register(fastifyCookie);
    await fastify.register(fastifyHelmet, {
      // The API serves JSON only: nothing may load, frame or run from its responses.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      frameguard: { action: "deny" },
      hsts: config.production ? HSTS : false,
    });
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
