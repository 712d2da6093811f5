/** HSTS for one year, subdomains included — production only (local HTTP must keep working). */
const HSTS = { maxAge: 31_536_000, includeSubDomains: true };

/**
 * The security headers of every BFF response (DESIGN.md §7), as helmet options: the API serves
 * JSON only, so nothing may load, frame or run from its responses; HSTS in production. One
 * definition for the normal path (`@fastify/helmet`) and for the errors Fastify answers before
 * any hook runs (`frameworkErrorHandler`).
 */
export function securityHeaders(production: boolean) {
  // Not annotated `HelmetOptions`: helmet's ESM and CJS typings (ours, @fastify/helmet's) are
  // distinct types, and this literal satisfies both.
  return {
    contentSecurityPolicy: {
      useDefaults: false as const,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    frameguard: { action: "deny" as const },
    hsts: production ? HSTS : (false as const),
  };
}
