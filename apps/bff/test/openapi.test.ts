import { RequestMethod, type Type } from "@nestjs/common";
import {
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from "@nestjs/common/constants.js";
import { RouteParamtypes } from "@nestjs/common/enums/route-paramtypes.enum.js";
import { ModulesContainer } from "@nestjs/core";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdempotencyInterceptor } from "../src/modules/http/idempotency.interceptor.js";
import { ZodPipe } from "../src/modules/http/zod.pipe.js";
import { type ApiRoute, routeKey } from "../src/modules/openapi/api-route.js";
import { API_ROUTES } from "../src/modules/openapi/api-routes.js";
import { openApiPath } from "../src/modules/openapi/openapi-document.js";
import { registeredRoutes } from "../src/modules/openapi/route-inventory.js";
import { type Stack, startStack } from "./support/stack.js";

/** Routes that are not API operations: the reference page and its assets, and the metrics. */
const NOT_OPERATIONS = /^GET \/(api\/docs(\/.*)?|metrics)$/;

/** Where a `ZodPipe` sits, as the declaration's `request` names it. */
const REQUEST_PART: Partial<Record<RouteParamtypes, keyof NonNullable<ApiRoute["request"]>>> = {
  [RouteParamtypes.BODY]: "body",
  [RouteParamtypes.QUERY]: "query",
  [RouteParamtypes.PARAM]: "params",
};

/** One parameter decorator of a handler as Nest records it (`@Body(new ZodPipe(schema))`). */
interface RouteArgument {
  pipes?: unknown[];
}

/** One handler as Nest serves it: its `METHOD /api/path`, its `ZodPipe` schemas, `@Idempotent()`. */
interface ControllerRoute {
  key: string;
  validated: Record<string, unknown>;
  idempotent: boolean;
}

/**
 * Every handler of every controller with the `METHOD /api/path` Nest serves it at, the schemas its
 * `ZodPipe`s validate and whether it honours `Idempotency-Key`, read from Nest's route metadata.
 */
function controllerRoutes(): ControllerRoute[] {
  const routes: ControllerRoute[] = [];
  for (const module of stack.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = Reflect.get(controller.prototype as object, name);
        const path: unknown =
          typeof handler === "function" ? Reflect.getMetadata(PATH_METADATA, handler) : undefined;
        if (name === "constructor" || typeof path !== "string") {
          continue;
        }
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler as object) as RequestMethod];
        const fullPath = `/api/${base}/${path}`.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          RouteArgument
        >;
        const validated: Record<string, unknown> = {};
        for (const [slot, argument] of Object.entries(args)) {
          const part = REQUEST_PART[Number(slot.split(":")[0]) as RouteParamtypes];
          const pipe = argument.pipes?.find((candidate) => candidate instanceof ZodPipe);
          if (part && pipe instanceof ZodPipe) {
            validated[part] = pipe.schema;
          }
        }
        const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler as object) ??
          []) as unknown[];
        routes.push({
          key: routeKey(method, fullPath),
          validated,
          idempotent: interceptors.includes(IdempotencyInterceptor),
        });
      }
    }
  }
  return routes;
}

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

  it("declares exactly the request schemas the controllers validate with", () => {
    const declared = new Map(
      API_ROUTES.map((route) => [routeKey(route.method, route.path), route]),
    );
    const routes = controllerRoutes();

    expect(routes.length).toBeGreaterThan(5);
    for (const { key, validated } of routes) {
      const request = declared.get(key)?.request ?? {};
      // Identity, not likeness: the declaration must name the very schema the pipe applies.
      for (const part of ["params", "query", "body"] as const) {
        expect(validated[part] === request[part], `${key} ${part}`).toBe(true);
      }
    }
  });

  it("declares a route idempotent exactly when its handler honours Idempotency-Key", () => {
    const declared = new Map(
      API_ROUTES.map((route) => [routeKey(route.method, route.path), route]),
    );
    const routes = controllerRoutes();

    expect(routes.some((route) => route.idempotent)).toBe(true);
    for (const { key, idempotent } of routes) {
      expect(declared.get(key)?.idempotent ?? false, key).toBe(idempotent);
    }
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
