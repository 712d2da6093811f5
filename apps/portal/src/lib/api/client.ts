import { AUTH_COOKIES, CSRF_HEADER, apiErrorSchema, type ErrorCode } from "@portal/domain";
import { type z } from "zod";
import { SESSION_EXPIRED_PARAM, SIGN_IN_PATH } from "@/config/routes";
import { ApiClientError } from "@/lib/api/api-client-error";

/**
 * The portal's only way to talk to the BFF: same-origin `fetch` under `/api` (proxied to the BFF
 * by `src/proxy.ts`), JSON in and out. Contract: docs/api.md.
 * - Success bodies are parsed with the `@portal/domain` schema the caller passes.
 * - Failures throw {@link ApiClientError} built from the error envelope.
 * - Mutations send `X-CSRF-Token` equal to the `portal_csrf` cookie (double submit), fetching
 *   `GET /api/auth/csrf` first when the cookie is absent, and once more after `CSRF_INVALID`.
 * - `idempotencyKey` is sent as `Idempotency-Key` on every try of the request, the client's own
 *   retries (CSRF, refresh) included, so the BFF runs the action at most once.
 * - `401 UNAUTHENTICATED` triggers one `POST /api/auth/refresh`, shared by every request sent
 *   with the expired session, then the request is retried once; when the refresh fails the
 *   browser goes to `/auth/login?next=<current page>&session=expired`.
 */

const API_BASE = "/api";

type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Options of {@link apiRequest}. `body` is sent as JSON. */
export interface ApiRequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
  /** `Idempotency-Key` for routes that create something (one per user action). */
  idempotencyKey?: string;
}

/** Status → code for error responses that do not carry the envelope (e.g. the proxy's own 500). */
const FALLBACK_CODES: Record<number, ErrorCode> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  423: "ACCOUNT_LOCKED",
  429: "RATE_LIMITED",
  502: "UPSTREAM_ERROR",
};

/**
 * The routes that sign in, renew or end a session: their 401 is the answer itself, not an expired
 * access token to renew. The signed-in `/auth/*` routes (sessions, 2FA, password) renew as usual.
 */
const SIGN_IN_PATHS = /^\/auth\/(login|signup|refresh|logout|csrf)(\/|$|\?)/;

const TRY_AGAIN = "Something went wrong on our side. Please try again in a moment.";

/**
 * Calls `path` (relative to `/api`, e.g. `"/invoices?page=2"`) and returns the body parsed with
 * `schema`, or nothing when no schema is given (204 responses).
 * @throws ApiClientError on an error status, an unreachable server or a body that does not match
 *   the schema (`UPSTREAM_ERROR`); a DOMException `AbortError` when `signal` aborts.
 */
export function apiRequest<S extends z.ZodType>(
  path: string,
  options: ApiRequestOptions & { schema: S },
): Promise<z.output<S>>;
export function apiRequest(path: string, options?: ApiRequestOptions): Promise<void>;
export async function apiRequest(
  path: string,
  options: ApiRequestOptions & { schema?: z.ZodType } = {},
): Promise<unknown> {
  const method = options.method ?? "GET";
  const response = await execute(method, path, options, { csrf: false, session: false });
  if (!options.schema) return undefined;
  const requestId = response.headers.get("x-request-id");
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw unexpectedResponse(response.status, requestId);
  }
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) throw unexpectedResponse(response.status, requestId);
  return parsed.data;
}

/** A file the BFF sent as an attachment: its bytes and the name from `Content-Disposition`. */
export interface ApiDownload {
  blob: Blob;
  filename: string | null;
}

/**
 * `GET path` for a binary attachment (a PDF), with the same session refresh and errors as
 * {@link apiRequest}; the file name is read from `Content-Disposition: attachment; filename="…"`.
 * @throws ApiClientError on an error status or an unreachable server.
 */
export async function apiDownload(path: string): Promise<ApiDownload> {
  const response = await execute("GET", path, {}, { csrf: false, session: false });
  const disposition = response.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), filename };
}

interface Retried {
  csrf: boolean;
  session: boolean;
}

async function execute(
  method: HttpMethod,
  path: string,
  options: ApiRequestOptions,
  retried: Retried,
): Promise<Response> {
  const sentInSession = sessionGeneration;
  const response = await send(method, path, options);
  if (response.ok) return response;
  const error = await readError(response);
  if (error.code === "CSRF_INVALID" && !retried.csrf) {
    await fetchCsrfToken();
    return execute(method, path, options, { ...retried, csrf: true });
  }
  if (error.code === "UNAUTHENTICATED" && !SIGN_IN_PATHS.test(path)) {
    if (!retried.session) {
      // A request sent before another one renewed the session only needs to be sent again.
      const renewed = sessionGeneration !== sentInSession || (await refreshSession());
      if (renewed) return execute(method, path, options, { ...retried, session: true });
    }
    redirectToSignIn();
  }
  throw error;
}

async function send(
  method: HttpMethod,
  path: string,
  options: ApiRequestOptions,
): Promise<Response> {
  const headers = new Headers({ Accept: "application/json" });
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  if (method !== "GET") headers.set(CSRF_HEADER, readCsrfCookie() ?? (await fetchCsrfToken()));
  if (options.idempotencyKey !== undefined) headers.set("Idempotency-Key", options.idempotencyKey);
  try {
    return await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      cache: "no-store",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiClientError({
      status: 0,
      code: "UPSTREAM_UNAVAILABLE",
      message: "We couldn't reach the server. Check your connection and try again.",
      fields: {},
      requestId: null,
      retryAfterSeconds: null,
    });
  }
}

async function readError(response: Response): Promise<ApiClientError> {
  const retryAfter = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
  const retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : null;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (e.g. the proxy's plain-text 500 when the BFF is down): fall back on the status.
  }
  const envelope = apiErrorSchema.safeParse(body);
  if (envelope.success) {
    const { code, message, fields, requestId } = envelope.data.error;
    return new ApiClientError({
      status: response.status,
      code,
      message,
      fields: fields ?? {},
      requestId,
      retryAfterSeconds,
    });
  }
  return new ApiClientError({
    status: response.status,
    code:
      FALLBACK_CODES[response.status] ??
      (response.status >= 500 ? "UPSTREAM_UNAVAILABLE" : "INTERNAL"),
    message: TRY_AGAIN,
    fields: {},
    requestId: response.headers.get("x-request-id"),
    retryAfterSeconds,
  });
}

function unexpectedResponse(status: number, requestId: string | null): ApiClientError {
  return new ApiClientError({
    status,
    code: "UPSTREAM_ERROR",
    message: TRY_AGAIN,
    fields: {},
    requestId,
    retryAfterSeconds: null,
  });
}

function readCsrfCookie(): string | null {
  const prefix = `${AUTH_COOKIES.csrf}=`;
  const cookie = document.cookie.split("; ").find((entry) => entry.startsWith(prefix));
  return cookie ? decodeURIComponent(cookie.slice(prefix.length)) : null;
}

let csrfInFlight: Promise<string> | null = null;

/** `GET /api/auth/csrf` sets a fresh `portal_csrf` cookie; concurrent callers share one call. */
function fetchCsrfToken(): Promise<string> {
  csrfInFlight ??= (async () => {
    const response = await send("GET", "/auth/csrf", {});
    if (!response.ok) throw await readError(response);
    const token = readCsrfCookie();
    if (!token) throw unexpectedResponse(response.status, response.headers.get("x-request-id"));
    return token;
  })().finally(() => {
    csrfInFlight = null;
  });
  return csrfInFlight;
}

let refreshInFlight: Promise<boolean> | null = null;
/** Incremented on every successful refresh, so requests know whether they used an older session. */
let sessionGeneration = 0;

/** Name of the Web Lock that serialises session refreshes across this browser's tabs. */
const REFRESH_LOCK = "portal-session-refresh";

/**
 * `POST /api/auth/refresh`: renews the session from the refresh-token cookie and resolves to
 * whether that worked. The BFF rotates the refresh token on every use and treats a second use of
 * the old one as theft (it revokes the whole family), so concurrent callers in this tab share one
 * call, and tabs take turns through a Web Lock: a tab that waited sends the cookie the other tab's
 * refresh has just replaced, instead of the spent one.
 * Source: https://developer.mozilla.org/docs/Web/API/Web_Locks_API
 */
export function refreshSession(): Promise<boolean> {
  const refresh = () => send("POST", "/auth/refresh", {}).then((response) => response.ok);
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  refreshInFlight ??= (locks ? locks.request(REFRESH_LOCK, refresh) : refresh())
    .then((renewed) => {
      if (renewed) sessionGeneration += 1;
      return renewed;
    })
    .catch(() => false)
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

function redirectToSignIn(): void {
  const next = `${window.location.pathname}${window.location.search}`;
  const query = new URLSearchParams({ next, [SESSION_EXPIRED_PARAM]: "expired" });
  // A full page load on purpose: it drops every cached query of the ended session, and the API
  // client lives outside React, where there is no router.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
  window.location.assign(`${SIGN_IN_PATH}?${query.toString()}`);
}
