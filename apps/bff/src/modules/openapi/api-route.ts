import { type ErrorCode } from "@portal/domain";
import { type z } from "zod";

/** HTTP methods the API uses. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call a route: `public` (anyone), `session` (a valid `portal_at` access token cookie),
 * `webhook` (server to server, authenticated by its own signature; no CSRF), `ops` (operators:
 * `Authorization: Bearer <OPS_API_TOKEN>`; no CSRF).
 */
export type RouteAccess = "public" | "session" | "webhook" | "ops";

/** A success answer that is a file rather than JSON (an invoice PDF): its media type. */
export interface FileResponse {
  file: "application/pdf";
}

/** Declares a success answer of `mediaType` (e.g. `{ 200: fileResponse("application/pdf") }`). */
export function fileResponse(mediaType: FileResponse["file"]): FileResponse {
  return { file: mediaType };
}

/** Whether a declared success answer is a file ({@link FileResponse}). */
export function isFileResponse(value: unknown): value is FileResponse {
  return typeof value === "object" && value !== null && "file" in value;
}

/**
 * A success answer that is a stream of server-sent events (`text/event-stream`, decision 0071):
 * the schema of the JSON `data` of each event name the stream sends.
 */
export interface EventStreamResponse {
  eventStream: Readonly<Record<string, z.ZodType>>;
}

/** Declares a stream of server-sent events (e.g. `{ 200: eventStreamResponse({ order: … }) }`). */
export function eventStreamResponse(
  events: EventStreamResponse["eventStream"],
): EventStreamResponse {
  return { eventStream: events };
}

/** Whether a declared success answer is a stream of server-sent events. */
export function isEventStreamResponse(value: unknown): value is EventStreamResponse {
  return typeof value === "object" && value !== null && "eventStream" in value;
}

/**
 * The one declaration of a BFF route (decision 0021): what the OpenAPI document says about it and
 * what the response validation of the tests holds its answers to. Kept beside the feature's
 * controller (`<feature>.routes.ts`) and listed in `api-routes.ts`.
 */
export interface ApiRoute {
  method: HttpMethod;
  /** Full path as Fastify registers it, parameters in Fastify's `:name` form (`/api/invoices/:id`). */
  path: string;
  /** Unique, camelCase; the OpenAPI `operationId`. */
  operationId: string;
  summary: string;
  description?: string;
  /** Grouping on the reference page (`auth`, `account`, `billing`, …). */
  tags: readonly string[];
  access: RouteAccess;
  /** The `@portal/domain` schemas the controller's `ZodPipe`s apply, read as the client sends them. */
  request?: {
    params?: z.ZodObject;
    query?: z.ZodObject;
    body?: z.ZodType;
  };
  /**
   * Success answers by HTTP status: the JSON body's schema, a {@link FileResponse} for a file, an
   * {@link EventStreamResponse} for server-sent events, or `null` for an answer without a body (204).
   */
  responses: Readonly<Record<number, z.ZodType | FileResponse | EventStreamResponse | null>>;
  /**
   * The route creates something upstream and honours `Idempotency-Key` (`@Idempotent()` on its
   * handler; decision 0014): the document lists the header, and the key's 409/422 apply.
   */
  idempotent?: boolean;
  /**
   * Error codes this route answers with beyond those every route of its kind may answer
   * (`implicitErrors`): the envelope's `code`, whose status `errorStatus` fixes.
   */
  errors: readonly ErrorCode[];
}

/** Typed identity: declares one route (keeps literal types and checks the shape). */
export function apiRoute(route: ApiRoute): ApiRoute {
  return route;
}

/** Methods that change state: they carry a body and the CSRF header (docs/api.md). */
const UNSAFE_METHODS = new Set<HttpMethod>(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Error codes any route may answer with because of what it is, so its declaration need not
 * repeat them (docs/api.md):
 * - every route: INTERNAL (500);
 * - with path or query parameters, or any POST/PUT/PATCH/DELETE (whose body, even an unexpected
 *   one, is parsed as JSON): VALIDATION_FAILED (400); the latter also PAYLOAD_TOO_LARGE (413);
 * - POST/PUT/PATCH/DELETE outside webhooks and ops: CSRF_INVALID (403);
 * - `session` and `ops` routes: UNAUTHENTICATED (401);
 * - every route under `/api/auth/`: RATE_LIMITED (429);
 * - `idempotent` routes: IDEMPOTENCY_KEY_IN_USE (409) and IDEMPOTENCY_KEY_REUSED (422).
 */
export function implicitErrors(route: ApiRoute): ErrorCode[] {
  const codes: ErrorCode[] = ["INTERNAL"];
  const unsafe = UNSAFE_METHODS.has(route.method);
  if (unsafe || route.request?.params || route.request?.query) {
    codes.push("VALIDATION_FAILED");
  }
  if (unsafe) {
    codes.push("PAYLOAD_TOO_LARGE");
    if (route.access !== "webhook" && route.access !== "ops") {
      codes.push("CSRF_INVALID");
    }
  }
  if (route.access === "session" || route.access === "ops") {
    codes.push("UNAUTHENTICATED");
  }
  if (route.path.startsWith("/api/auth/")) {
    codes.push("RATE_LIMITED");
  }
  if (route.idempotent) {
    codes.push("IDEMPOTENCY_KEY_IN_USE", "IDEMPOTENCY_KEY_REUSED");
  }
  return codes;
}

/** Every error code `route` may answer with: its declared ones and {@link implicitErrors}. */
export function errorCodesOf(route: ApiRoute): Set<ErrorCode> {
  return new Set([...implicitErrors(route), ...route.errors]);
}

/** `METHOD path` of a route, the key the document, the validation and the tests share. */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
