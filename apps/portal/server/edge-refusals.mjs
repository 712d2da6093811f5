// @ts-check
import { randomUUID } from "node:crypto";
import { PORTAL_METHODS } from "./portal-methods.mjs";

/**
 * @typedef {object} EdgeAnswer  What the portal's server answers itself.
 * @property {number} status
 * @property {Record<string, string>} headers
 * @property {string} body  Empty for 204.
 */

/**
 * What the portal's server answers itself, before Next.js sees the request, or null to hand the
 * request to Next.js. Next.js fails on these before any of the portal's code runs (undici
 * refuses to build a TRACE `Request`; `*` is not a URL) and answers a bare 500 (decision 0018):
 * - `TRACE` (and its old alias `TRACK`) on any path → 405 `METHOD_NOT_ALLOWED` with `Allow`;
 * - `OPTIONS *` (asks about the server itself, RFC 9110 §9.3.7) → 204 with `Allow`;
 * - `*` with any other method → 405 with `Allow: OPTIONS` (only OPTIONS takes `*`, §7.1).
 * Error bodies are the API's envelope (`{ error: { code, message, requestId } }`, docs/api.md),
 * never cached, with `x-request-id`; `securityHeaders` go on every answer.
 *
 * @param {string | undefined} method
 * @param {string | undefined} url  the request target as received (`/path?query`, `*`)
 * @param {{ key: string; value: string }[]} securityHeaders
 * @returns {EdgeAnswer | null}
 */
export function edgeRefusal(method, url, securityHeaders) {
  const verb = (method ?? "").toUpperCase();
  const asterisk = url === "*";
  if (asterisk && verb === "OPTIONS") {
    return answer(204, { allow: PORTAL_METHODS.join(", ") }, "", securityHeaders);
  }
  if (verb === "TRACE" || verb === "TRACK" || asterisk) {
    const requestId = randomUUID();
    const body = JSON.stringify({
      error: {
        code: "METHOD_NOT_ALLOWED",
        message: "This kind of request is not supported.",
        requestId,
      },
    });
    const allow = asterisk ? "OPTIONS" : PORTAL_METHODS.join(", ");
    return answer(
      405,
      {
        allow,
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
        "x-request-id": requestId,
      },
      body,
      securityHeaders,
    );
  }
  return null;
}

/**
 * @param {number} status
 * @param {Record<string, string>} headers
 * @param {string} body
 * @param {{ key: string; value: string }[]} securityHeaders
 * @returns {EdgeAnswer}
 */
function answer(status, headers, body, securityHeaders) {
  const all = { ...headers };
  for (const { key, value } of securityHeaders) all[key.toLowerCase()] = value;
  if (body !== "") all["content-length"] = String(Buffer.byteLength(body));
  return { status, headers: all, body };
}

/**
 * A Node.js request listener that answers `edgeRefusal`'s cases itself and hands every other
 * request to `handle` (Next.js's request handler). A request body is not read: the connection is
 * closed after the answer (`connection: close`) so unread bytes cannot be taken for a request.
 *
 * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => unknown} handle
 * @param {{ key: string; value: string }[]} securityHeaders
 * @returns {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void}
 */
export function withEdgeRefusals(handle, securityHeaders) {
  return (request, response) => {
    const refusal = edgeRefusal(request.method, request.url, securityHeaders);
    if (!refusal) {
      void handle(request, response);
      return;
    }
    response.shouldKeepAlive = false;
    response.writeHead(refusal.status, { ...refusal.headers, connection: "close" });
    response.end(request.method === "HEAD" ? undefined : refusal.body);
  };
}
