import { type IncomingMessage, type ServerResponse } from "node:http";
import helmet from "helmet";

/** HSTS for one year, subdomains included — production only (local HTTP must keep working). */
const HSTS = { maxAge: 31_536_000, includeSubDomains: true };

/**
 * The security headers of every BFF response (DESIGN.md §7), as helmet options: the API serves
 * JSON only, so nothing may load, frame or run from its responses; HSTS in production.
 */
function helmetOptions(production: boolean) {
  return {
    contentSecurityPolicy: {
      useDefaults: false as const,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    frameguard: { action: "deny" as const },
    hsts: production ? HSTS : (false as const),
  };
}

/**
 * The security headers helmet sets with {@link helmetOptions}, as name → value, computed once: they
 * do not depend on the request (no nonces: the API serves no HTML but `/api/docs`, which sets its
 * own policy). Setting them from this table costs one `reply.headers()` per response instead of
 * helmet's dozen middlewares (decision 0057). One table for the normal path (`onRequest` in
 * `createBffApp`) and for the errors Fastify answers before any hook runs (`frameworkErrorHandler`).
 */
export function securityHeaders(production: boolean): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(helmetOptions(production))(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    () => undefined,
  );
  return Object.freeze(headers);
}
