import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRoute } from "./api-route.js";
import { buildOpenApiDocument, openApiPath } from "./openapi-document.js";

const info = { title: "Test", version: "1" };

const getThing = apiRoute({
  method: "GET",
  path: "/api/things/:id",
  operationId: "getThing",
  summary: "A thing",
  tags: ["things"],
  access: "session",
  request: {
    params: z.object({ id: z.string().regex(/^\d+$/).transform(Number) }),
    query: z.object({ page: z.coerce.number().int().min(1).default(1), q: z.string() }),
  },
  responses: { 200: z.object({ id: z.number(), at: z.iso.datetime() }) },
  errors: ["NOT_FOUND", "UPSTREAM_UNAVAILABLE"],
});

const createThing = apiRoute({
  method: "POST",
  path: "/api/things",
  operationId: "createThing",
  summary: "Make a thing",
  tags: ["things"],
  access: "public",
  request: { body: z.object({ name: z.string().trim().min(1), size: z.number().default(1) }) },
  responses: { 201: z.object({ id: z.number() }) },
  errors: [],
});

describe("buildOpenApiDocument", () => {
  it("writes paths in OpenAPI's {name} form", () => {
    expect(openApiPath("/api/invoices/:id/sso-link")).toBe("/api/invoices/{id}/sso-link");
    expect(Object.keys(buildOpenApiDocument([getThing], info).paths)).toEqual(["/api/things/{id}"]);
  });

  it("turns params and query into parameters, required unless they have a default", () => {
    const operation = buildOpenApiDocument([getThing], info).paths["/api/things/{id}"]?.get;

    expect(operation?.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^\\d+$" } },
      expect.objectContaining({ name: "page", in: "query", required: false }),
      expect.objectContaining({ name: "q", in: "query", required: true }),
    ]);
    expect(operation?.security).toEqual([{ sessionCookie: [] }]);
  });

  it("lists each error status with the envelope narrowed to its codes, implied ones included", () => {
    const responses = buildOpenApiDocument([getThing], info).paths["/api/things/{id}"]?.get
      ?.responses;

    expect(Object.keys(responses ?? {})).toEqual(["200", "400", "401", "404", "500", "503"]);
    expect(responses?.["404"]?.content?.["application/json"]?.schema).toEqual({
      allOf: [
        { $ref: "#/components/schemas/ApiError" },
        { properties: { error: { properties: { code: { enum: ["NOT_FOUND"] } } } } },
      ],
    });
    expect(responses?.["200"]?.content?.["application/json"]?.schema).toMatchObject({
      properties: { at: { type: "string", format: "date-time" } },
    });
  });

  it("describes bodies as the client sends them and asks mutations for the CSRF header", () => {
    const operation = buildOpenApiDocument([createThing], info).paths["/api/things"]?.post;

    expect(operation?.requestBody?.content["application/json"].schema).toMatchObject({
      type: "object",
      required: ["name"],
    });
    expect(operation?.parameters).toEqual([
      expect.objectContaining({ name: "x-csrf-token", in: "header", required: true }),
    ]);
    expect(Object.keys(operation?.responses ?? {})).toEqual(["201", "400", "403", "413", "500"]);
  });

  it("refuses a route declared twice", () => {
    expect(() => buildOpenApiDocument([getThing, getThing], info)).toThrow(
      /GET \/api\/things\/:id \(getThing\) is declared twice/,
    );
  });
});
