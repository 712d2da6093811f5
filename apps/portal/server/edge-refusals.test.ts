import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { apiErrorSchema } from "@portal/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withEdgeRefusals } from "./edge-refusals.mjs";
import { securityHeaders } from "./security-headers.mjs";

/*
 * The portal's server wrapper over real HTTP, with a stand-in for Next.js's handler: the
 * requests Next.js cannot take are answered by the wrapper, every other one reaches the handler.
 */

let server: Server;
let port: number;
const handled: string[] = [];

beforeAll(async () => {
  server = createServer(
    withEdgeRefusals((req, res) => {
      handled.push(`${req.method} ${req.url}`);
      res.end("from next");
    }, securityHeaders(false)),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** One raw request: `path` goes on the request line as is (`*` included). */
function send(
  method: string,
  path: string,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const SECURITY = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

describe("withEdgeRefusals", () => {
  it.each(["/", "/api/health", "/invoices?page=2", "*"])(
    "answers TRACE %s with 405, Allow and the error envelope",
    async (path) => {
      const answer = await send("TRACE", path);
      expect(answer.status).toBe(405);
      expect(answer.headers).toMatchObject({
        ...SECURITY,
        "cache-control": "no-store",
        "content-type": "application/json; charset=utf-8",
      });
      expect(answer.headers["content-security-policy"]).toContain("default-src 'self'");
      const body = apiErrorSchema.parse(JSON.parse(answer.body));
      expect(body.error.code).toBe("METHOD_NOT_ALLOWED");
      expect(body.error.requestId).toBe(answer.headers["x-request-id"]);
      expect(answer.headers.allow).toBe(
        path === "*" ? "OPTIONS" : "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
      );
    },
  );

  it("answers OPTIONS * with 204 and Allow", async () => {
    const answer = await send("OPTIONS", "*");
    expect(answer).toMatchObject({
      status: 204,
      body: "",
      headers: { ...SECURITY, allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" },
    });
  });

  it("answers another method on * with 405 naming OPTIONS", async () => {
    const answer = await send("GET", "*");
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("OPTIONS");
  });

  it("hands every other request to Next.js untouched", async () => {
    handled.length = 0;
    for (const [method, path] of [
      ["GET", "/"],
      ["OPTIONS", "/api/health"],
      ["POST", "/api/auth/login"],
      ["DELETE", "/api/sessions/1"],
    ] as const) {
      const answer = await send(method, path);
      expect(answer).toMatchObject({ status: 200, body: "from next" });
    }
    expect(handled).toEqual([
      "GET /",
      "OPTIONS /api/health",
      "POST /api/auth/login",
      "DELETE /api/sessions/1",
    ]);
  });
});
