import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { type FastifyInstance } from "fastify";
import { type OpenApiDocument } from "./openapi-document.js";
import { OPENAPI_DOCUMENT_PATH } from "./openapi.routes.js";

/** Path of the human-readable API reference page. */
export const API_REFERENCE_PATH = "/api/docs";

/**
 * Policy of the reference page: Swagger UI's script and stylesheet from this origin, its inline
 * SVG icons (`data:`), the document fetched from this origin; nothing else, no framing.
 */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The document changes only with a deployment; the pinned assets only with the package. */
const DOCUMENT_CACHE = "public, max-age=300";
const ASSET_CACHE = "public, max-age=86400";

/**
 * Swagger UI's start-up, served as a file because the page's CSP allows no inline script.
 * `url` is relative to the page (`/api/docs` → `/api/openapi.json`), so the page works wherever
 * the API is mounted (the portal forwards `/api/*`); `validatorUrl: null` keeps Swagger UI from
 * sending the document to its public validator.
 */
const INIT_SCRIPT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    layout: "BaseLayout",
  });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Customer portal API reference</title>
    <link rel="stylesheet" href="docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="docs/swagger-ui-bundle.js"></script>
    <script src="docs/init.js"></script>
  </body>
</html>
`;

/** Swagger UI files served under `/api/docs/`, read from the `swagger-ui-dist` package. */
const JAVASCRIPT = "text/javascript; charset=utf-8";
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": JAVASCRIPT,
};

/**
 * Registers on Fastify, outside Nest's guards (public by design, decision 0021):
 * - `GET /api/openapi.json`: `document`, cacheable for 5 minutes;
 * - `GET /api/docs`: the reference page (Swagger UI from the `swagger-ui-dist` npm package, no
 *   CDN, nothing fetched from elsewhere), with a CSP of its own instead of the API's
 *   `default-src 'none'`;
 * - `GET /api/docs/{swagger-ui.css,swagger-ui-bundle.js,init.js}`: its assets.
 * Must run before the application is initialised.
 */
export function registerApiReference(fastify: FastifyInstance, document: OpenApiDocument): void {
  const body = JSON.stringify(document);
  fastify.get(OPENAPI_DOCUMENT_PATH, async (_request, reply) =>
    reply
      .header("cache-control", DOCUMENT_CACHE)
      .type("application/json; charset=utf-8")
      .send(body),
  );
  fastify.get(API_REFERENCE_PATH, async (_request, reply) =>
    reply
      .header("cache-control", ASSET_CACHE)
      .header("content-security-policy", PAGE_CSP)
      .type("text/html; charset=utf-8")
      .send(PAGE),
  );
  fastify.get(`${API_REFERENCE_PATH}/init.js`, async (_request, reply) =>
    reply.header("cache-control", ASSET_CACHE).type(JAVASCRIPT).send(INIT_SCRIPT),
  );
  const distDir = path.dirname(
    createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"),
  );
  for (const [file, contentType] of Object.entries(ASSETS)) {
    let content: Promise<Buffer> | undefined;
    fastify.get(`${API_REFERENCE_PATH}/${file}`, async (_request, reply) => {
      content ??= readFile(path.join(distDir, file));
      return reply
        .header("cache-control", ASSET_CACHE)
        .type(contentType)
        .send(await content);
    });
  }
}
