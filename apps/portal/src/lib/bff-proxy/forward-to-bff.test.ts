import { createServer, type IncomingMessage, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { apiErrorSchema } from "@portal/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, forwardToBff } from "./forward-to-bff";

/** What the fake BFF saw of one request. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let bff: Server;
let bffUrl: string;
let seen: Seen[];
/** Requests to this path are never answered (a hung BFF). */
const HANG = "/api/hang";
/** Requests to this path get an event stream: one event at once, the next on `sendNextEvent()`. */
const STREAM = "/api/stream";
let sendNextEvent: () => void = () => undefined;
/** Resolves when the BFF saw the stream's connection close. */
let streamClosed: Promise<void> = Promise.resolve();

beforeAll(async () => {
  bff = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      if (request.url === HANG) {
        return;
      }
      if (request.url === STREAM) {
        response.writeHead(200, { "content-type": "text/event-stream" });
        response.write("data: first\n\n");
        sendNextEvent = () => response.write("data: second\n\n");
        streamClosed = new Promise((resolve) => response.on("close", () => resolve()));
        return;
      }
      response.setHeader("set-cookie", ["a=1; Path=/; HttpOnly", "b=2; Path=/api/auth"]);
      response.setHeader("x-middleware-rewrite", "http://127.0.0.1:4000/api/secret-address");
      response.setHeader("content-type", "application/json");
      response.statusCode = 201;
      response.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => bff.listen(0, "127.0.0.1", resolve));
  bffUrl = `http://127.0.0.1:${(bff.address() as AddressInfo).port}`;
});

afterAll(async () => {
  bff.closeAllConnections();
  await new Promise((resolve) => bff.close(resolve));
});

beforeEach(() => {
  seen = [];
});

const options = () => ({ bffUrl, timeoutMs: 1000, trustEdgeProxy: false });

function portalRequest(path: string, init: RequestInit = {}): Request {
  return new Request(`http://localhost:3000${path}`, init);
}

async function errorOf(response: Response) {
  return apiErrorSchema.parse(await response.json()).error;
}

describe("forwardToBff", () => {
  it("forwards method, path, query, body and cookies, and passes every Set-Cookie back", async () => {
    const response = await forwardToBff(
      portalRequest("/api/auth/login?x=1", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: "portal_csrf=t" },
        body: '{"email":"a@example.jp"}',
      }),
      options(),
    );

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.getSetCookie()).toEqual([
      "a=1; Path=/; HttpOnly",
      "b=2; Path=/api/auth",
    ]);
    expect(seen).toMatchObject([
      { method: "POST", url: "/api/auth/login?x=1", body: '{"email":"a@example.jp"}' },
    ]);
    expect(seen[0]?.headers.cookie).toBe("portal_csrf=t");
  });

  it("never passes x-middleware-rewrite (the BFF's address) back to the browser", async () => {
    const response = await forwardToBff(portalRequest("/api/health"), options());

    expect(response.headers.has("x-middleware-rewrite")).toBe(false);
  });

  it("overwrites the client's X-Forwarded-For instead of forwarding it", async () => {
    const headers = { "x-forwarded-for": "198.51.100.7", forwarded: "for=198.51.100.7" };

    await forwardToBff(portalRequest("/api/auth/csrf", { headers }), options());
    await forwardToBff(
      portalRequest("/api/auth/csrf", {
        headers: { "x-forwarded-for": "198.51.100.7, 203.0.113.9" },
      }),
      { ...options(), trustEdgeProxy: true },
    );

    expect(seen[0]?.headers["x-forwarded-for"]).toBeUndefined();
    expect(seen[0]?.headers.forwarded).toBeUndefined();
    expect(seen[1]?.headers["x-forwarded-for"]).toBe("203.0.113.9");
  });

  it.each([
    ["declared", { "content-length": String(1024 * 1024) }],
    ["streamed without a length", {}],
  ])("answers a 1 MiB body (%s) with 413 and never forwards it", async (_label, headers) => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await forwardToBff(
        portalRequest("/api/auth/login", {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: "x".repeat(1024 * 1024),
        }),
        options(),
      );
      expect(response.status).toBe(413);
      expect((await errorOf(response)).code).toBe("PAYLOAD_TOO_LARGE");
    }
    expect(seen).toEqual([]);
  });

  it("forwards a body of exactly the limit", async () => {
    const body = "x".repeat(BODY_LIMIT_BYTES);

    const response = await forwardToBff(
      portalRequest("/api/auth/login", { method: "POST", body }),
      options(),
    );

    expect(response.status).toBe(201);
    expect(seen[0]?.body).toHaveLength(BODY_LIMIT_BYTES);
  });

  it.each(["TRACE", "CONNECT", "TRACK"])(
    "answers %s with the 404 envelope, not 500",
    async (method) => {
      // undici refuses to build such requests, so the proxy sees them only from raw HTTP: fake one.
      const request = portalRequest("/api/health");
      Object.defineProperty(request, "method", { value: method });

      const response = await forwardToBff(request, options());

      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("NOT_FOUND");
      expect(seen).toEqual([]);
    },
  );

  it("answers 504 UPSTREAM_TIMEOUT in the envelope when the BFF does not answer", async () => {
    const response = await forwardToBff(portalRequest(HANG), { ...options(), timeoutMs: 200 });

    expect(response.status).toBe(504);
    const error = await errorOf(response);
    expect(error.code).toBe("UPSTREAM_TIMEOUT");
    expect(error.message).toMatch(/try again/);
    expect(response.headers.get("x-request-id")).toBe(error.requestId);
  });

  it("bounds the wait for the headers only: an event stream flows on past the time limit", async () => {
    const response = await forwardToBff(portalRequest(STREAM), { ...options(), timeoutMs: 50 });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe("data: first\n\n");

    // Well past the limit, the stream is still open and the next event arrives.
    await new Promise((resolve) => setTimeout(resolve, 200));
    sendNextEvent();
    expect(decoder.decode((await reader.read()).value)).toBe("data: second\n\n");
    await reader.cancel();
  });

  it("abandons the BFF's answer when the browser abandons the request", async () => {
    const browser = new AbortController();
    const response = await forwardToBff(
      portalRequest(STREAM, { signal: browser.signal }),
      options(),
    );
    expect(response.status).toBe(200);

    browser.abort();

    await streamClosed;
  });

  it("answers 502 UPSTREAM_ERROR in the envelope when the BFF cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const response = await forwardToBff(portalRequest("/api/health"), {
      ...options(),
      bffUrl: `http://127.0.0.1:${port}`,
    });

    expect(response.status).toBe(502);
    expect((await errorOf(response)).code).toBe("UPSTREAM_ERROR");
  });
});
