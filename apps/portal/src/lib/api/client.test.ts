// @vitest-environment jsdom
import { AUTH_COOKIES, CSRF_HEADER } from "@portal/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type * as ErrorsModule from "./api-client-error";
import type * as ClientModule from "./client";
import { idempotencyKeyFor } from "./idempotency-key";

/*
 * The API client against a scripted BFF behind a stubbed `fetch`: what it sends (CSRF header,
 * Idempotency-Key, the refresh call) and how it reacts to each answer. The client keeps the
 * in-flight CSRF and refresh calls in module state, so every test imports a fresh copy.
 */

type Client = typeof ClientModule;
type Errors = typeof ErrorsModule;

interface SentRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Handler = (request: SentRequest) => Response | Promise<Response>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

const envelope = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  json(status, { error: { code, message: `${code} message`, requestId: "req-1", ...extra } });

function setCsrfCookie(value: string): void {
  document.cookie = `${AUTH_COOKIES.csrf}=${value}; path=/`;
}

function clearCookies(): void {
  for (const entry of document.cookie.split("; ").filter(Boolean)) {
    document.cookie = `${entry.split("=")[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
}

let client: Client;
let errors: Errors;
let sent: SentRequest[];
let routes: Map<string, Handler[]>;
let assign: ReturnType<typeof vi.fn>;

/**
 * Answers `method path` with `handlers` in turn (the last one repeats). `GET /auth/csrf` sets a
 * fresh cookie unless a test scripts it.
 */
function route(method: string, path: string, ...handlers: Handler[]): void {
  routes.set(`${method} ${path}`, handlers);
}

const sentTo = (method: string, path: string) =>
  sent.filter((request) => request.method === method && request.path === path);

beforeEach(async () => {
  vi.resetModules();
  client = await import("./client");
  errors = await import("./api-client-error");
  clearCookies();
  sent = [];
  routes = new Map();
  let csrfCount = 0;
  route("GET", "/auth/csrf", () => {
    csrfCount += 1;
    setCsrfCookie(`csrf-${csrfCount}`);
    return json(200, { csrfToken: `csrf-${csrfCount}` });
  });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const request: SentRequest = {
        method: init.method ?? "GET",
        path: input.replace(/^\/api/, ""),
        headers: new Headers(init.headers),
        body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
      };
      sent.push(request);
      const handlers = routes.get(`${request.method} ${request.path}`);
      if (!handlers) return json(404, { error: "no such route in this test" });
      const handler = handlers.length > 1 ? handlers.shift()! : handlers[0]!;
      return handler(request);
    }),
  );
  assign = vi.fn();
  vi.stubGlobal("location", { pathname: "/billing/invoices", search: "?page=2", assign });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const invoiceSchema = z.object({ id: z.number() });

describe("apiRequest: reads", () => {
  it("returns the body parsed with the schema, sending no CSRF header on a GET", async () => {
    route("GET", "/invoices/7", () => json(200, { id: 7 }));

    expect(await client.apiRequest("/invoices/7", { schema: invoiceSchema })).toEqual({ id: 7 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get(CSRF_HEADER)).toBeNull();
  });

  it("turns a body that does not match the schema into UPSTREAM_ERROR", async () => {
    route("GET", "/invoices/7", () => json(200, { id: "seven" }, { "x-request-id": "req-9" }));

    const error = await client.apiRequest("/invoices/7", { schema: invoiceSchema }).catch((e) => e);

    expect(error).toBeInstanceOf(errors.ApiClientError);
    expect(error).toMatchObject({ status: 200, code: "UPSTREAM_ERROR", requestId: "req-9" });
  });

  it("reads the error envelope: code, named fields, request id and Retry-After", async () => {
    route("POST", "/auth/login", () =>
      json(
        429,
        {
          error: {
            code: "RATE_LIMITED",
            message: "Too many attempts",
            fields: { email: "Too many attempts for this email" },
            requestId: "req-2",
          },
        },
        { "retry-after": "42" },
      ),
    );

    const error = await client
      .apiRequest("/auth/login", { method: "POST", body: { email: "a@example.jp" } })
      .catch((e) => e);

    expect(error).toMatchObject({
      status: 429,
      code: "RATE_LIMITED",
      fields: { email: "Too many attempts for this email" },
      requestId: "req-2",
      retryAfterSeconds: 42,
    });
  });

  it("falls back on the status when the answer is not the envelope (the proxy's own 502)", async () => {
    route("GET", "/invoices", () => new Response("Bad Gateway", { status: 502 }));

    const error = await client.apiRequest("/invoices").catch((e) => e);

    expect(error).toMatchObject({ status: 502, code: "UPSTREAM_ERROR", fields: {} });
  });

  it("reports an unreachable server as status 0 UPSTREAM_UNAVAILABLE", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("fetch failed")));

    const error = await client.apiRequest("/invoices").catch((e) => e);

    expect(error).toMatchObject({ status: 0, code: "UPSTREAM_UNAVAILABLE" });
  });
});

describe("apiRequest: CSRF (double submit)", () => {
  it("echoes the portal_csrf cookie in the header of a mutation", async () => {
    setCsrfCookie("from-cookie");
    route("POST", "/auth/logout", () => new Response(null, { status: 204 }));

    await client.apiRequest("/auth/logout", { method: "POST" });

    expect(sentTo("GET", "/auth/csrf")).toHaveLength(0);
    expect(sentTo("POST", "/auth/logout")[0]!.headers.get(CSRF_HEADER)).toBe("from-cookie");
  });

  it("fetches a token first when the cookie is missing, once for concurrent mutations", async () => {
    route("POST", "/account/profile", () => new Response(null, { status: 204 }));

    await Promise.all([
      client.apiRequest("/account/profile", { method: "POST", body: { a: 1 } }),
      client.apiRequest("/account/profile", { method: "POST", body: { a: 2 } }),
    ]);

    expect(sentTo("GET", "/auth/csrf")).toHaveLength(1);
    const posts = sentTo("POST", "/account/profile");
    expect(posts.map((post) => post.headers.get(CSRF_HEADER))).toEqual(["csrf-1", "csrf-1"]);
  });

  it("gets a fresh token and sends again, once, after CSRF_INVALID", async () => {
    setCsrfCookie("stale");
    route(
      "POST",
      "/account/profile",
      () => envelope(403, "CSRF_INVALID"),
      () => new Response(null, { status: 204 }),
    );

    await client.apiRequest("/account/profile", { method: "POST", body: {} });

    const posts = sentTo("POST", "/account/profile");
    expect(posts.map((post) => post.headers.get(CSRF_HEADER))).toEqual(["stale", "csrf-1"]);
  });

  it("gives up after a second CSRF_INVALID instead of looping", async () => {
    route("POST", "/account/profile", () => envelope(403, "CSRF_INVALID"));

    const error = await client
      .apiRequest("/account/profile", { method: "POST", body: {} })
      .catch((e) => e);

    expect(error).toMatchObject({ status: 403, code: "CSRF_INVALID" });
    expect(sentTo("POST", "/account/profile")).toHaveLength(2);
  });
});

describe("apiRequest: session refresh", () => {
  it("renews an expired session once and sends the request again", async () => {
    route(
      "GET",
      "/invoices/7",
      () => envelope(401, "UNAUTHENTICATED"),
      () => json(200, { id: 7 }),
    );
    route("POST", "/auth/refresh", () => new Response(null, { status: 204 }));

    expect(await client.apiRequest("/invoices/7", { schema: invoiceSchema })).toEqual({ id: 7 });
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /invoices/7",
      "GET /auth/csrf",
      "POST /auth/refresh",
      "GET /invoices/7",
    ]);
    expect(assign).not.toHaveBeenCalled();
  });

  it("shares one refresh among concurrent requests that found the session expired", async () => {
    let releaseRefresh!: () => void;
    const refreshed = new Promise<void>((resolve) => (releaseRefresh = resolve));
    const expiredOnce = (id: number): Handler[] => [
      () => envelope(401, "UNAUTHENTICATED"),
      () => json(200, { id }),
    ];
    route("GET", "/invoices/1", ...expiredOnce(1));
    route("GET", "/invoices/2", ...expiredOnce(2));
    route("GET", "/invoices/3", ...expiredOnce(3));
    route("POST", "/auth/refresh", async () => {
      await refreshed;
      return new Response(null, { status: 204 });
    });

    const reads = [1, 2, 3].map((id) =>
      client.apiRequest(`/invoices/${id}`, { schema: invoiceSchema }),
    );
    await vi.waitFor(() => expect(sentTo("POST", "/auth/refresh")).toHaveLength(1));
    releaseRefresh();

    expect(await Promise.all(reads)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(sentTo("POST", "/auth/refresh")).toHaveLength(1);
  });

  it("sends a request that left before another one renewed the session again, without refreshing", async () => {
    let answerSecond!: () => void;
    const secondAnswered = new Promise<void>((resolve) => (answerSecond = resolve));
    route(
      "GET",
      "/invoices/1",
      () => envelope(401, "UNAUTHENTICATED"),
      () => json(200, { id: 1 }),
    );
    route(
      "GET",
      "/invoices/2",
      async () => {
        await secondAnswered;
        return envelope(401, "UNAUTHENTICATED");
      },
      () => json(200, { id: 2 }),
    );
    route("POST", "/auth/refresh", () => new Response(null, { status: 204 }));

    const second = client.apiRequest("/invoices/2", { schema: invoiceSchema });
    await client.apiRequest("/invoices/1", { schema: invoiceSchema });
    answerSecond();

    expect(await second).toEqual({ id: 2 });
    expect(sentTo("POST", "/auth/refresh")).toHaveLength(1);
  });

  it("sends the browser to sign-in with the page to come back to when the refresh fails", async () => {
    route("GET", "/invoices", () => envelope(401, "UNAUTHENTICATED"));
    route("POST", "/auth/refresh", () => envelope(401, "UNAUTHENTICATED"));

    const error = await client.apiRequest("/invoices").catch((e) => e);

    expect(error).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    expect(sentTo("GET", "/invoices")).toHaveLength(1);
    expect(assign).toHaveBeenCalledWith(
      `/auth/login?${new URLSearchParams({ next: "/billing/invoices?page=2", session: "expired" })}`,
    );
  });

  it("takes a 401 from sign-in itself as the answer: no refresh, no redirect", async () => {
    route("POST", "/auth/login", () => envelope(401, "INVALID_CREDENTIALS"));
    route("POST", "/auth/login/mfa", () => envelope(401, "UNAUTHENTICATED"));

    await expect(
      client.apiRequest("/auth/login", { method: "POST", body: {} }),
    ).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(
      client.apiRequest("/auth/login/mfa", { method: "POST", body: {} }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(sentTo("POST", "/auth/refresh")).toHaveLength(0);
    expect(assign).not.toHaveBeenCalled();
  });

  it("takes turns with other tabs through the Web Lock when the browser has one", async () => {
    const request = vi.fn((_name: string, work: () => Promise<boolean>) => work());
    vi.stubGlobal("navigator", { locks: { request } });
    route("POST", "/auth/refresh", () => new Response(null, { status: 204 }));

    expect(await client.refreshSession()).toBe(true);
    expect(request).toHaveBeenCalledWith("portal-session-refresh", expect.any(Function));
  });
});

describe("apiRequest: Idempotency-Key", () => {
  it("sends the same key on every try of one action: the CSRF retry and the refresh retry", async () => {
    setCsrfCookie("stale");
    route(
      "POST",
      "/account/address",
      () => envelope(403, "CSRF_INVALID"),
      () => envelope(401, "UNAUTHENTICATED"),
      () => json(201, { id: 1 }),
    );
    route("POST", "/auth/refresh", () => new Response(null, { status: 204 }));

    await client.apiRequest("/account/address", {
      method: "POST",
      body: {},
      schema: invoiceSchema,
      idempotencyKey: "key-of-this-submit",
    });

    const posts = sentTo("POST", "/account/address");
    expect(posts).toHaveLength(3);
    expect(posts.map((post) => post.headers.get("Idempotency-Key"))).toEqual([
      "key-of-this-submit",
      "key-of-this-submit",
      "key-of-this-submit",
    ]);
    expect(sentTo("POST", "/auth/refresh")[0]!.headers.get("Idempotency-Key")).toBeNull();
  });

  it("keeps the key of a user action when it is retried and gives the next submit a new one", async () => {
    setCsrfCookie("token");
    route("POST", "/auth/signup", () => envelope(503, "UPSTREAM_UNAVAILABLE"));
    const submit = { customerNumber: "100002" };
    const send = (values: object) =>
      client
        .apiRequest("/auth/signup", {
          method: "POST",
          body: values,
          idempotencyKey: idempotencyKeyFor(values),
        })
        .catch(() => undefined);

    await send(submit);
    await send(submit); // a retry of the same submit (TanStack Query reuses the variables)
    await send({ ...submit }); // the user submits again

    const keys = sentTo("POST", "/auth/signup").map((post) => post.headers.get("Idempotency-Key"));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("sends no key when the caller gives none (reads and non-creating mutations)", async () => {
    route("GET", "/invoices/7", () => json(200, { id: 7 }));

    await client.apiRequest("/invoices/7", { schema: invoiceSchema });

    expect(sent[0]!.headers.get("Idempotency-Key")).toBeNull();
  });
});

describe("apiDownload", () => {
  it("returns the file and its name from Content-Disposition", async () => {
    route(
      "GET",
      "/invoices/7/pdf",
      () =>
        new Response("%PDF-1.7", {
          status: 200,
          headers: {
            "content-type": "application/pdf",
            "content-disposition": 'attachment; filename="invoice-7.pdf"',
          },
        }),
    );

    const download = await client.apiDownload("/invoices/7/pdf");

    expect(download.filename).toBe("invoice-7.pdf");
    expect(await download.blob.text()).toBe("%PDF-1.7");
  });
});
