// `node scripts/bench/request-logging.mjs [batches] [batchSize]` (after `npm run build`; AWAITS=n
// sets the awaits per request, default 10): the CPU per request of four ways to log requests on
// Fastify (decision 0079), in one process with their batches interleaved, so a busy machine
// slows all four alike — no logging; pino-http and nestjs-pino's request context (an
// AsyncLocalStorage) as middleware through @fastify/middie (the BFF before 0079); Fastify's own
// logger with a LogController writing the line and the request context entered by an
// `onRequest` hook (the BFF after 0079); the same without the request context. Requests go
// through `inject` (no sockets); lines go to /dev/null through the BFF's secret scan. The
// AsyncLocalStorage is disabled for the batches that do not use it: on Node 20 that removes its
// promise hooks, so its own cost shows.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Fastify from "fastify";
import { destination, pino } from "pino";
import { repoRoot } from "../launcher/paths.mjs";

const require = createRequire(path.join(repoRoot, "apps/bff/package.json"));
/** @type {typeof import("nestjs-pino/storage.js")} */
const { storage, Store } = require("nestjs-pino/storage.js");
/** @type {import("fastify").FastifyPluginCallback} */
const middie = require("@fastify/middie");
/** @type {typeof import("pino-http").pinoHttp} */
const pinoHttp = require("pino-http");
/** @type {{ redactSecretValues(line: string): string }} */
const { redactSecretValues } = await import(
  pathToFileURL(path.join(repoRoot, "apps/bff/dist/modules/logging/redact-secret-values.js")).href
);

const [batches = 10, batchSize = 2000] = process.argv.slice(2).map(Number);
const AWAITS = Number(process.env.AWAITS ?? 10);

const logger = pino(
  {
    level: "info",
    hooks: { streamWrite: redactSecretValues },
    serializers: {
      req: (/** @type {{ id: unknown, method: string, url: string }} */ request) => ({
        id: request.id,
        method: request.method,
        url: request.url,
      }),
      res: (/** @type {{ statusCode: number }} */ response) => ({
        statusCode: response.statusCode,
      }),
    },
  },
  destination({ dest: "/dev/null", sync: false }),
);

/** A handler that awaits like a warm read does (cache, guards), then answers. */
async function handler() {
  for (let i = 0; i < AWAITS; i += 1) await Promise.resolve(i);
  return { ok: true };
}

/** The request line as the BFF's RequestLogController writes it. */
class LineWhenAnswered extends Fastify.LogController {
  /** @override */
  incomingRequest() {}
  /**
   * @override
   * @param {unknown} _error @param {import("fastify").FastifyRequest} _request @param {import("fastify").FastifyReply} reply
   */
  requestCompleted(_error, _request, reply) {
    reply.log.info(
      { res: reply, responseTime: Math.round(reply.elapsedTime) },
      "request completed",
    );
  }
}

const VARIANTS = [
  "no logging",
  "pino-http via middie + ALS",
  "Fastify logger + ALS",
  "Fastify logger",
];

/** @param {string} variant */
async function build(variant) {
  /** @type {import("fastify").FastifyInstance<any, any, any, any>} */
  let app;
  if (variant === "pino-http via middie + ALS") {
    app = Fastify();
    await app.register(middie);
    app.use(pinoHttp({ logger }));
    app.use((/** @type {any} */ req, /** @type {unknown} */ _res, /** @type {() => void} */ next) =>
      storage.run(new Store(req.log), next),
    );
  } else if (variant.startsWith("Fastify logger")) {
    app = Fastify({
      loggerInstance: logger,
      logController: new LineWhenAnswered(),
      childLoggerFactory: (parent, bindings, options, raw) =>
        parent.child({ req: { id: bindings.reqId, method: raw.method, url: raw.url } }, options),
    });
    if (variant.endsWith("+ ALS")) {
      app.addHook("onRequest", (request, _reply, done) =>
        storage.run(new Store(/** @type {any} */ (request.log)), done),
      );
    }
  } else {
    app = Fastify();
  }
  app.get("/api/x", handler);
  await app.ready();
  return app;
}

const apps = new Map(
  await Promise.all(VARIANTS.map(async (v) => /** @type {const} */ ([v, await build(v)]))),
);
const cpuUs = new Map(VARIANTS.map((v) => [v, 0]));

/** Runs `count` requests of `variant` and answers the CPU time they took (µs). @param {string} variant @param {number} count */
async function batch(variant, count) {
  if (!variant.endsWith("+ ALS")) storage.disable();
  const app = apps.get(variant);
  if (!app) throw new Error(`unknown variant ${variant}`);
  const before = process.cpuUsage();
  for (let i = 0; i < count; i += 1) {
    const response = await app.inject({ method: "GET", url: "/api/x?page=1" });
    if (response.statusCode !== 200) throw new Error(response.body);
  }
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

for (const variant of VARIANTS) await batch(variant, 3000); // warm-up: optimised code
for (let round = 0; round < batches; round += 1) {
  const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
  for (const variant of order) {
    cpuUs.set(variant, (cpuUs.get(variant) ?? 0) + (await batch(variant, batchSize)));
  }
}
console.log(
  `request logging, ${batches} × ${batchSize} requests each, ${AWAITS} awaits per request`,
);
for (const variant of VARIANTS) {
  console.log(
    `${variant.padEnd(28)} ${((cpuUs.get(variant) ?? 0) / (batches * batchSize)).toFixed(1)} µs cpu per request`,
  );
}
