import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import {
  unstable_doesMiddlewareMatch,
  unstable_getResponseFromNextConfig,
} from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nextConfig from "../next.config";
import { config, proxy } from "./proxy";

/** The BFF's API reference and document (docs/api.md), reachable through the portal too. */
const API_REFERENCE_PATHS = [
  "/api/openapi.json",
  "/api/docs",
  "/api/docs/swagger-ui.css",
  "/api/docs/swagger-ui-bundle.js",
  "/api/docs/init.js",
];

/** A stand-in BFF that answers every request with the path it was asked for. */
let bff: Server;

beforeAll(async () => {
  bff = createServer((request, response) => response.end(request.url));
  await new Promise<void>((resolve) => bff.listen(0, "127.0.0.1", resolve));
  process.env.BFF_URL = `http://127.0.0.1:${(bff.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.BFF_URL;
  bff.closeAllConnections();
  await new Promise((resolve) => bff.close(resolve));
});

describe("proxy: the BFF's API reference", () => {
  it.each(API_REFERENCE_PATHS)("forwards %s to the BFF unchanged", async (path) => {
    const url = `http://localhost:3000${path}`;

    expect(unstable_doesMiddlewareMatch({ config, url })).toBe(true);
    const response = await proxy(new NextRequest(url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(path);
  });

  it("never forwards the BFF's /metrics", () => {
    expect(unstable_doesMiddlewareMatch({ config, url: "http://localhost:3000/metrics" })).toBe(
      false,
    );
  });

  it("sends a CSP on /api/docs that allows what the page needs: same-origin scripts, styles, data: images", async () => {
    const response = await unstable_getResponseFromNextConfig({
      url: "http://localhost:3000/api/docs",
      nextConfig,
    });
    const csp = response.headers.get("content-security-policy") ?? "";

    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/style-src 'self'/);
    expect(csp).toMatch(/img-src 'self' data:/);
    expect(csp).toMatch(/connect-src 'self'/);
  });
});
