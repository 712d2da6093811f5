import { createHash, timingSafeEqual } from "node:crypto";
import { type ApiError } from "@portal/domain";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type MetricsService } from "./metrics.service.js";

/** Where Prometheus scrapes: outside `/api`, so the portal (which forwards `/api/*`) never relays it. */
export const METRICS_PATH = "/metrics";

/** Route label of requests that matched no route (never the raw URL: ids would explode labels). */
const UNMATCHED_ROUTE = "unmatched";

/**
 * Wires the metrics into Fastify (decision 0022):
 * - an `onResponse` hook counts every answered request by method, route template and status, with
 *   its latency (`reply.elapsedTime`);
 * - `GET /metrics` serves the Prometheus text format to a caller on loopback (the socket's own
 *   address: `X-Forwarded-For` is not consulted) or presenting `Authorization: Bearer
 *   <METRICS_TOKEN>` (compared in constant time); anyone else gets 403 FORBIDDEN in the envelope.
 * Registered outside Nest's guards (access is decided here). Call before the app is initialised.
 */
export function registerMetrics(
  fastify: FastifyInstance,
  metrics: MetricsService,
  token: string | null,
): void {
  // A callback hook, not an async one: no promise per request.
  fastify.addHook("onResponse", (request, reply, done) => {
    metrics.observeHttpRequest(
      request.method,
      request.routeOptions.url ?? UNMATCHED_ROUTE,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });

  fastify.get(METRICS_PATH, async (request, reply) => {
    if (!isLoopback(request.socket.remoteAddress) && !carriesToken(request, token)) {
      const body: ApiError = {
        error: {
          code: "FORBIDDEN",
          message: "Metrics are served on loopback or with the metrics token.",
          requestId: String(request.id),
        },
      };
      return reply.code(403).send(body);
    }
    const { contentType, body } = await metrics.render();
    return reply.type(contentType).send(body);
  });
}

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 form (`::ffff:127.0.0.1`). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) {
    return false;
  }
  const ipv4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return ipv4.startsWith("127.") || address === "::1";
}

/** True when `Authorization: Bearer <token>` names the configured token (constant time). */
function carriesToken(request: FastifyRequest, token: string | null): boolean {
  const header = request.headers.authorization;
  if (!token || !header?.startsWith("Bearer ")) {
    return false;
  }
  // Digests have one length, so the comparison leaks neither the token nor its length.
  const presented = createHash("sha256").update(header.slice("Bearer ".length)).digest();
  return timingSafeEqual(presented, createHash("sha256").update(token).digest());
}
