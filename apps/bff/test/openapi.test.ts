import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeKey } from "../src/modules/openapi/api-route.js";
import { API_ROUTES } from "../src/modules/openapi/api-routes.js";
import { openApiPath } from "../src/modules/openapi/openapi-document.js";
import { registeredRoutes } from "../src/modules/openapi/route-inventory.js";
import { type Stack, startStack } from "./support/stack.js";

/** Routes that are not API operations: the reference page and its assets, and the metrics. */
const NOT_OPERATIONS = /^GET \/(api\/docs(\/.*)?|metrics)$/;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

describe("GET /api/openapi.json", () => {
  it("documents exactly the routes the application registered, with their methods and paths", () => {
    const registered = registeredRoutes(stack.app.getHttpAdapter().getInstance())
      .filter((key) => !NOT_OPERATIONS.test(key))
      .sort();
    const declared = API_ROUTES.map((route) => routeKey(route.method, route.path)).sort();

    // An undeclared route fails here, and so does a declaration whose route is gone or moved.
    expect(registered).toEqual(declared);
  });

  it("serves a valid OpenAPI 3.1 document of every declared operation, publicly and cacheable", async () => {
    const response = await stack.newClient().get("/api/openapi.json");

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const validator = new Validator();
    const result = await validator.validate(response.json as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");

    const document = response.json as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    for (const route of API_ROUTES) {
      expect(
        document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()]?.operationId,
        routeKey(route.method, route.path),
      ).toBe(route.operationId);
    }
  });
});

describe("GET /api/docs", () => {
  it("serves the reference page with its own CSP and Swagger UI from this origin", async () => {
    const client = stack.newClient();
    const page = await client.get("/api/docs");

    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Every script and stylesheet is a relative URL: nothing comes from a CDN.
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual(["docs/swagger-ui.css", "docs/swagger-ui-bundle.js", "docs/init.js"]);
    for (const asset of assets) {
      const response = await client.get(`/api/${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.text.length, asset).toBeGreaterThan(0);
    }
    expect((await client.get("/api/docs/init.js")).text).toContain('url: "openapi.json"');
  });
});
