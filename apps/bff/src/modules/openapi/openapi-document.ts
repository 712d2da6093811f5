import { apiErrorSchema, CSRF_HEADER, type ErrorCode, errorStatus } from "@portal/domain";
import { z } from "zod";
import {
  type ApiRoute,
  errorCodesOf,
  isEventStreamResponse,
  isFileResponse,
  type RouteAccess,
} from "./api-route.js";

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) as zod writes it. */
type JsonSchema = z.core.JSONSchema.BaseSchema;

/** One OpenAPI parameter object (path, query or header). */
interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/** One OpenAPI response object. */
interface Response {
  description: string;
  /**
   * By media type: `application/json`, a file's (`application/pdf`), or `text/event-stream` with
   * the `data` schema of each event name under `x-events`.
   */
  content?: Record<string, { schema: JsonSchema; "x-events"?: Record<string, JsonSchema> }>;
}

/** One OpenAPI operation object. */
interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, Response>;
}

/** The OpenAPI 3.1 document of the API (the parts we write). */
export interface OpenApiDocument {
  openapi: "3.1.1";
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, Record<string, string>>;
  };
}

/** Name of the shared error envelope under `components.schemas`. */
const API_ERROR = "ApiError";

/** Security requirement of each kind of access (`components.securitySchemes`). */
const SECURITY: Record<RouteAccess, Record<string, string[]>[]> = {
  public: [],
  session: [{ sessionCookie: [] }],
  webhook: [{ webhookSignature: [] }],
  ops: [{ opsBearer: [] }],
};

const SECURITY_SCHEMES = {
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "portal_at",
    description: "Access token (JWT, 15 min) set by sign-up, login and refresh.",
  },
  webhookSignature: {
    type: "apiKey",
    in: "header",
    name: "x-portal-signature",
    description:
      "HMAC-SHA256 of the raw body with the shared webhook secret, with `x-portal-timestamp`.",
  },
  opsBearer: {
    type: "http",
    scheme: "bearer",
    description: "The operators' token `OPS_API_TOKEN` (docs/operations/provisioning-runbook.md).",
  },
};

const DESCRIPTION = [
  "The customer portal's backend-for-frontend. Every error body is the `ApiError` envelope;",
  "`code` is stable, `message` is safe to show. State-changing requests need the",
  "`X-CSRF-Token` header equal to the `portal_csrf` cookie (`GET /api/auth/csrf`).",
].join(" ");

/**
 * Builds the OpenAPI 3.1 document of `routes` (decision 0021): paths in OpenAPI's `{name}` form,
 * request schemas as the client sends them (zod `io: "input"`: before defaults and transforms),
 * response schemas as the server sends them (`io: "output"`), each declared error status with the
 * envelope narrowed to its codes. Schemas come from zod's own `z.toJSONSchema` (draft 2020-12,
 * the dialect of OpenAPI 3.1).
 * @throws Error when two routes share a method and path or an operationId.
 */
export function buildOpenApiDocument(
  routes: readonly ApiRoute[],
  info: { title: string; version: string },
): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const operationIds = new Set<string>();
  const tags = new Set<string>();
  for (const route of routes) {
    const path = openApiPath(route.path);
    const method = route.method.toLowerCase();
    const operations = (paths[path] ??= {});
    if (operations[method] || operationIds.has(route.operationId)) {
      throw new Error(
        `Route ${route.method} ${route.path} (${route.operationId}) is declared twice`,
      );
    }
    operationIds.add(route.operationId);
    route.tags.forEach((tag) => tags.add(tag));
    operations[method] = operationOf(route);
  }
  return {
    openapi: "3.1.1",
    info: { ...info, description: DESCRIPTION },
    tags: [...tags].map((name) => ({ name })),
    paths,
    components: {
      schemas: { [API_ERROR]: jsonSchema(apiErrorSchema, "output") },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

/** `/api/invoices/:id` → `/api/invoices/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

function operationOf(route: ApiRoute): Operation {
  const parameters = [
    ...parametersOf(route.request?.params, "path"),
    ...parametersOf(route.request?.query, "query"),
    ...(errorCodesOf(route).has("CSRF_INVALID") ? [csrfHeader()] : []),
    ...(route.idempotent ? [idempotencyKeyHeader()] : []),
  ];
  const body = route.request?.body;
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [...route.tags],
    security: SECURITY[route.access],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(body, "input") } },
          },
        }
      : {}),
    responses: { ...successResponses(route), ...errorResponses(route) },
  };
}

function successResponses(route: ApiRoute): Record<string, Response> {
  const responses: Record<string, Response> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    if (isEventStreamResponse(schema)) {
      const events = Object.entries(schema.eventStream);
      responses[status] = {
        description: `Success: a stream of server-sent events (${events.map(([name]) => `\`${name}\``).join(", ")}), each \`data\` JSON as \`x-events\` gives it`,
        content: {
          "text/event-stream": {
            schema: { type: "string", contentMediaType: "text/event-stream" },
            "x-events": Object.fromEntries(
              events.map(([name, data]) => [name, jsonSchema(data, "output")]),
            ),
          },
        },
      };
      continue;
    }
    if (isFileResponse(schema)) {
      responses[status] = {
        description: "Success: a file (attachment)",
        content: { [schema.file]: { schema: { type: "string", contentMediaType: schema.file } } },
      };
      continue;
    }
    responses[status] = schema
      ? {
          description: status === "503" ? "Unavailable" : "Success",
          content: { "application/json": { schema: jsonSchema(schema, "output") } },
        }
      : { description: "Success, no body" };
  }
  return responses;
}

/** One response per error status, the envelope's `code` narrowed to the codes of that status. */
function errorResponses(route: ApiRoute): Record<string, Response> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(route)) {
    const status = errorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, Response> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    if (route.responses[status] !== undefined) {
      continue; // a declared body for this status (health's 503) wins
    }
    responses[String(status)] = {
      description: codes.join(", "),
      content: {
        "application/json": {
          schema: {
            allOf: [
              { $ref: `#/components/schemas/${API_ERROR}` },
              { properties: { error: { properties: { code: { enum: codes } } } } },
            ],
          },
        },
      },
    };
  }
  return responses;
}

function parametersOf(schema: z.ZodObject | undefined, location: "path" | "query"): Parameter[] {
  if (!schema) {
    return [];
  }
  const object = jsonSchema(schema, "input");
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const propertySchema: JsonSchema = typeof property === "boolean" ? {} : property;
    return {
      name,
      in: location,
      required: location === "path" || required.has(name),
      ...(propertySchema.description ? { description: propertySchema.description } : {}),
      schema: propertySchema,
    };
  });
}

function csrfHeader(): Parameter {
  return {
    name: CSRF_HEADER,
    in: "header",
    required: true,
    description: "The value of the `portal_csrf` cookie (double-submit CSRF token).",
    schema: { type: "string" },
  };
}

function idempotencyKeyHeader(): Parameter {
  return {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "One key per user action (e.g. a UUID), reused when the action is retried: the same key with the same body replays the first answer (`Idempotent-Replayed: true`); with another body → 422; while the first is running → 409. Kept 24 h.",
    schema: { type: "string", minLength: 1, maxLength: 255 },
  };
}

/**
 * `schema` as JSON Schema draft 2020-12, without the `$schema` keyword (the document's dialect
 * applies). Parts JSON Schema cannot express (a transform's output) read as "any value".
 */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  });
  return rest;
}
