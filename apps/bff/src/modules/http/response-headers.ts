import { type onRequestHookHandler } from "fastify";
import { securityHeaders } from "./security-headers.js";

/**
 * Fastify `onRequest` hook: the headers every API response carries, set in one call from a table
 * built once — the security headers of {@link securityHeaders}, and `Cache-Control: no-store`:
 * everything the BFF answers is one customer's data (invoices, profile, sessions) or a live
 * status, so no browser or proxy may keep a copy (OWASP REST Security Cheat Sheet, "Security
 * headers"). A route may override one (the API reference page sets its own policy and caching).
 */
export function responseHeaders(production: boolean): onRequestHookHandler {
  const headers = { ...securityHeaders(production), "cache-control": "no-store" };
  return (_request, reply, done) => {
    void reply.headers(headers);
    done();
  };
}
