import { type ApiError, type ErrorCode, errorStatus } from "@portal/domain";
import { PORTAL_METHODS } from "../../../server/portal-methods.mjs";

/** Methods the API has; anything else (TRACE, CONNECT…) is answered here, never forwarded. */
const FORWARDED_METHODS = new Set(PORTAL_METHODS);

/** Largest body forwarded, as the BFF's own limit (docs/api.md: over 64 KiB → 413). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Request headers never passed on: hop-by-hop headers (RFC 9110 §7.6.1), the ones fetch sets
 * itself, and every forwarding header, which a client could forge (the proxy writes its own).
 */
const DROPPED_REQUEST_HEADERS = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "host",
  "content-length",
  "expect",
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-forwarded-proto",
  "x-real-ip",
]);

/**
 * Response headers never passed back: hop-by-hop headers, the length and encoding of a body
 * fetch has already decoded, and anything naming Next.js internals or the BFF's address.
 */
const DROPPED_RESPONSE_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "x-middleware-rewrite",
  "x-middleware-next",
  "location",
]);

/** What a request id the BFF will accept looks like (apps/bff `request-id.ts`). */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** How {@link forwardToBff} reaches the BFF. */
export interface BffProxyOptions {
  /** Origin of the BFF, e.g. `http://127.0.0.1:4000`. */
  bffUrl: string;
  /**
   * How long to wait for the headers of the BFF's answer before 504 (ms); above the BFF's own 10 s
   * budget. The body is not limited: an event stream lasts as long as the page follows it.
   */
  timeoutMs: number;
  /**
   * Whether the portal sits behind an edge proxy that appends the client's address to
   * `X-Forwarded-For` (PORTAL_TRUST_PROXY). Then its last entry is passed on, alone; otherwise
   * nothing the request says about its origin is.
   */
  trustEdgeProxy: boolean;
}

/**
 * Forwards an `/api/*` request to the BFF and returns its answer, as the portal's proxy does for
 * every browser call (decision 0008). Unlike a rewrite, every outcome is an answer the portal's
 * API client understands — the error envelope of docs/api.md, never a bare 500:
 * - a method the API does not have (TRACE…) → 404 NOT_FOUND, not forwarded;
 * - a body over {@link BODY_LIMIT_BYTES} → 413 PAYLOAD_TOO_LARGE, read no further, not forwarded;
 * - no answer (headers) within `timeoutMs` → 504 UPSTREAM_TIMEOUT; BFF unreachable → 502
 *   UPSTREAM_ERROR; a body then streams for as long as the BFF sends it (server-sent events).
 * `X-Forwarded-For` is written by the proxy, never copied from the client (so a forged value
 * buys no fresh rate-limit budget); `x-middleware-*` and hop-by-hop headers are dropped both ways;
 * redirects are returned, not followed. `Set-Cookie` passes through, so the cookies stay
 * first-party.
 */
export async function forwardToBff(request: Request, options: BffProxyOptions): Promise<Response> {
  const requestId = requestIdOf(request);
  if (!FORWARDED_METHODS.has(request.method)) {
    return envelope("NOT_FOUND", "We could not find what you asked for.", requestId);
  }
  const body = await readBody(request);
  if (body === "too-large") {
    return envelope(
      "PAYLOAD_TOO_LARGE",
      `The request body is too large (at most ${BODY_LIMIT_BYTES / 1024} KiB).`,
      requestId,
    );
  }
  const source = new URL(request.url);
  const target = new URL(`${source.pathname}${source.search}`, options.bffUrl);
  // The time limit covers the wait for the answer's headers only: a stream of server-sent events
  // (decision 0071) goes on for as long as the page follows it. A request the browser abandons is
  // abandoned towards the BFF too, so the BFF's stream ends with the page.
  const headersTimeout = new AbortController();
  const timer = setTimeout(
    () => headersTimeout.abort(new DOMException("No answer in time", "TimeoutError")),
    options.timeoutMs,
  );
  let answer: Response;
  try {
    answer = await fetch(target, {
      method: request.method,
      headers: forwardedHeaders(request, requestId, options.trustEdgeProxy),
      body,
      redirect: "manual",
      signal: AbortSignal.any([headersTimeout.signal, request.signal]),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") {
      return envelope(
        "UPSTREAM_TIMEOUT",
        "The service is taking too long to answer. Please try again in a few minutes.",
        requestId,
      );
    }
    return envelope(
      "UPSTREAM_ERROR",
      "The service cannot be reached right now. Please try again in a few minutes.",
      requestId,
    );
  } finally {
    clearTimeout(timer);
  }
  const headers = new Headers();
  answer.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name) && name !== "set-cookie") {
      headers.append(name, value);
    }
  });
  for (const cookie of answer.headers.getSetCookie()) {
    headers.append("set-cookie", cookie);
  }
  const location = answer.headers.get("location");
  if (location?.startsWith("/")) {
    headers.set("location", location);
  }
  return new Response(answer.body, { status: answer.status, headers });
}

/**
 * The request body, at most {@link BODY_LIMIT_BYTES} of it: undefined when there is none,
 * "too-large" as soon as the declared length or the bytes read exceed the limit.
 */
async function readBody(
  request: Request,
): Promise<Uint8Array<ArrayBuffer> | undefined | "too-large"> {
  if (request.method === "GET" || request.method === "HEAD" || request.body === null) {
    return undefined;
  }
  if (Number(request.headers.get("content-length") ?? 0) > BODY_LIMIT_BYTES) {
    await request.body.cancel();
    return "too-large";
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > BODY_LIMIT_BYTES) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  if (size === 0) {
    return undefined;
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function forwardedHeaders(request: Request, requestId: string, trustEdgeProxy: boolean): Headers {
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!DROPPED_REQUEST_HEADERS.has(name) && !name.startsWith("x-middleware-")) {
      headers.append(name, value);
    }
  });
  headers.set("x-request-id", requestId);
  const client = trustEdgeProxy ? lastForwardedFor(request) : undefined;
  if (client) {
    headers.set("x-forwarded-for", client);
  }
  return headers;
}

/** The address the edge proxy appended: the last `X-Forwarded-For` entry. */
function lastForwardedFor(request: Request): string | undefined {
  const entries = (request.headers.get("x-forwarded-for") ?? "").split(",");
  const last = entries[entries.length - 1]?.trim();
  return last || undefined;
}

function requestIdOf(request: Request): string {
  const supplied = request.headers.get("x-request-id");
  return supplied && ACCEPTABLE_ID.test(supplied) ? supplied : crypto.randomUUID();
}

/** The error envelope (docs/api.md) with the status of `code`, never cached. */
function envelope(code: ErrorCode, message: string, requestId: string): Response {
  const body: ApiError = { error: { code, message, requestId } };
  return Response.json(body, {
    status: errorStatus[code],
    headers: { "cache-control": "no-store", "x-request-id": requestId },
  });
}
