import { apiErrorSchema, type ApiError, errorStatus } from "@portal/domain";
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type z } from "zod";
import {
  type ApiRoute,
  errorCodesOf,
  isEventStreamResponse,
  isFileResponse,
  routeKey,
} from "./api-route.js";
import { API_REFERENCE_PATH } from "./api-reference.js";

/**
 * Holds every `/api` answer to its route's declaration (decision 0021), for the tests
 * (`VALIDATE_RESPONSES=true`; never in production: a mismatch becomes a 500): a declared status's
 * body must match its schema (or be empty for `null`), an error's body must be the envelope with a
 * code the route declares (or implies) and that code's status, any other status is undeclared, and
 * a route under `/api` without a declaration is a mismatch too. A mismatch replaces the answer
 * with 500 INTERNAL whose message names the route, the status and what differs, and is logged,
 * so the integration test that made the request fails loudly; {@link responseMismatches} lists
 * them for the test stack to report. Fastify `onSend` hook; register before the application is
 * initialised.
 */
export function validateResponses(fastify: FastifyInstance, routes: readonly ApiRoute[]): void {
  const declared = new Map(routes.map((route) => [routeKey(route.method, route.path), route]));
  const found: string[] = [];
  mismatchesByApp.set(fastify, found);
  fastify.addHook("onSend", async (request, reply, payload) => {
    const path = request.routeOptions.url;
    if (
      !path?.startsWith("/api/") ||
      path.startsWith(API_REFERENCE_PATH) ||
      request.method === "HEAD"
    ) {
      return payload; // unknown URLs (Nest's 404 envelope), other mounts, the reference page
    }
    const key = routeKey(request.method, path);
    const route = declared.get(key);
    const problem = route
      ? mismatch(route, reply.statusCode, bodyText(payload), reply.getHeader("content-type"))
      : "the route has no declaration in api-routes.ts";
    if (!problem) {
      return payload;
    }
    const description = `${key} → ${reply.statusCode}: ${problem}`;
    found.push(description);
    return replaceWithFailure(request, reply, description);
  });
}

const mismatchesByApp = new WeakMap<FastifyInstance, string[]>();

/** Every mismatch {@link validateResponses} found on `fastify` so far (`METHOD path → status: what`). */
export function responseMismatches(fastify: FastifyInstance): readonly string[] {
  return mismatchesByApp.get(fastify) ?? [];
}

/**
 * What is wrong with answering `route` with `status`, `body` and `contentType`, or null when
 * nothing is.
 */
function mismatch(
  route: ApiRoute,
  status: number,
  body: string | null,
  contentType: unknown,
): string | null {
  const schema = route.responses[status];
  if (isEventStreamResponse(schema)) {
    // A stream is written past Fastify (no onSend); an answer that does pass here is not one.
    return typeof contentType === "string" && contentType.startsWith("text/event-stream")
      ? null
      : `declared as text/event-stream, but sent as ${String(contentType)}`;
  }
  if (isFileResponse(schema)) {
    return typeof contentType === "string" && contentType.startsWith(schema.file)
      ? null
      : `declared as ${schema.file}, but sent as ${String(contentType)}`;
  }
  if (schema === null) {
    return body ? "declared without a body, but one was sent" : null;
  }
  if (schema !== undefined) {
    return issuesOf(schema, body);
  }
  if (status < 400) {
    return `status ${status} is not declared`;
  }
  const envelope = issuesOf(apiErrorSchema, body);
  if (envelope) {
    return `not the error envelope: ${envelope}`;
  }
  const { code } = (JSON.parse(body ?? "") as ApiError).error;
  if (!errorCodesOf(route).has(code)) {
    return `error code ${code} is not declared`;
  }
  return errorStatus[code] === status ? null : `error code ${code} belongs to ${errorStatus[code]}`;
}

/** The schema's complaints about `body` (JSON), or null when it matches. */
function issuesOf(schema: z.ZodType, body: string | null): string | null {
  let value: unknown;
  try {
    value = body ? JSON.parse(body) : undefined;
  } catch {
    return "the body is not JSON";
  }
  const result = schema.safeParse(value);
  if (result.success) {
    return null;
  }
  return result.error.issues
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");
}

function bodyText(payload: unknown): string | null {
  if (typeof payload === "string") {
    return payload === "" ? null : payload;
  }
  if (Buffer.isBuffer(payload)) {
    return payload.length === 0 ? null : payload.toString("utf8");
  }
  return null;
}

function replaceWithFailure(request: FastifyRequest, reply: FastifyReply, problem: string): string {
  request.log.error({ problem }, "Response does not match its route declaration");
  const body: ApiError = {
    error: {
      code: "INTERNAL",
      message: `Response validation failed: ${problem}`,
      requestId: String(request.id),
    },
  };
  void reply.code(500).type("application/json; charset=utf-8");
  return JSON.stringify(body);
}
