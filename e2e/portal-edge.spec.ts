import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { ports } from "./support/stack.js";

/**
 * Requests Next.js cannot take, sent to the running portal as a client would send them: the
 * portal's server answers them itself (decision 0050) with the error envelope and the security
 * headers, where `next start` answered a bare 500. Node's `http` client is used because a
 * browser or Playwright's request API cannot put `*` on the request line.
 */

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: ports.portal, method, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test.describe("portal edge", () => {
  for (const path of ["/", "/api/health", "/api/invoices?page=1"]) {
    test(`TRACE ${path} answers 405 with Allow and the error envelope`, async () => {
      const answer = await send("TRACE", path);
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      const body = JSON.parse(answer.body) as { error: { code: string; requestId: string } };
      expect(body.error.code).toBe("METHOD_NOT_ALLOWED");
      expect(body.error.requestId).toBe(answer.headers["x-request-id"]);
    });
  }

  test("OPTIONS * answers 204 with Allow", async () => {
    const answer = await send("OPTIONS", "*");
    expect(answer.status).toBe(204);
    expect(answer.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  });

  test("pages and the API still pass through Next.js with the security headers", async () => {
    const page = await send("GET", "/auth/login");
    expect(page.status).toBe(200);
    expect(page.headers["x-frame-options"]).toBe("DENY");
    const health = await send("GET", "/api/health");
    expect(health.status).toBe(200);
  });
});
