import { request as httpRequest } from "node:http";
import { healthReportSchema } from "@portal/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO, signupBody, UNREGISTERED } from "./support/demo-data.js";
import { type TestResponse } from "./support/http-session.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

/** Marker put into injected upstream error messages; it must never reach a response. */
const UPSTREAM_TEXT = "SECRET-UPSTREAM-DETAIL";

let stack: Stack;
let demo: PortalClient;

beforeAll(async () => {
  stack = await startStack();
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
});

afterAll(async () => {
  await stack?.close();
});

afterEach(async () => {
  await stack.control.clearFaults();
});

describe("request errors", () => {
  it("answers malformed JSON with 400 VALIDATION_FAILED, not 500", async () => {
    const response = await stack.newClient().request("POST", "/api/auth/login", {
      rawBody: '{"email": "demo@example.com", "password": ',
      headers: { "content-type": "application/json" },
    });

    const error = expectApiError(response, 400, "VALIDATION_FAILED");
    expect(error.fields?._root).toMatch(/not valid JSON/);
  });

  it("answers a body that is not JSON with 400 saying what to send", async () => {
    const response = await stack.newClient().request("POST", "/api/auth/login", {
      rawBody: "email=demo@example.com&password=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });

    const error = expectApiError(response, 400, "VALIDATION_FAILED");
    expect(error.fields?._root).toMatch(/application\/json/);
  });

  it("answers a wrong type with 400 naming the field", async () => {
    const response = await stack.newClient().post("/api/auth/login", { email: 123, password: "x" });

    const error = expectApiError(response, 400, "VALIDATION_FAILED");
    expect(error.fields).toHaveProperty("email");
  });

  it("answers a JSON body that is not an object with 400", async () => {
    expectApiError(await stack.newClient().post("/api/auth/signup", []), 400, "VALIDATION_FAILED");
  });

  it("answers a body over 64 KiB with 413 PAYLOAD_TOO_LARGE", async () => {
    const response = await stack.newClient().post("/api/auth/login", {
      email: DEMO.email,
      password: "x".repeat(65 * 1024),
    });

    expectApiError(response, 413, "PAYLOAD_TOO_LARGE");
  });

  it("holds each auth route to its own, smaller body limit", async () => {
    const padded = { email: DEMO.email, password: "x".repeat(100), padding: "y".repeat(5 * 1024) };

    expectApiError(
      await stack.newClient().post("/api/auth/login", padded),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    expectApiError(
      await stack.newClient().post("/api/auth/refresh", { padding: "y".repeat(2 * 1024) }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    expect((await stack.newClient().login(DEMO.email, DEMO.password)).status).toBe(200);
  });

  it("answers an unknown route with the error envelope", async () => {
    expectApiError(await demo.get("/api/no-such-route"), 404, "NOT_FOUND");
  });

  it.each([
    ["a malformed percent-encoding", "/api/invoices/%E0%A4%A", 400, "VALIDATION_FAILED"],
    ["a lone percent sign", "/api/%", 400, "VALIDATION_FAILED"],
    ["an over-long id", `/api/invoices/${"9".repeat(5000)}`, 404, "NOT_FOUND"],
  ] as const)(
    "answers %s, which Fastify refuses before routing, with the envelope and the security headers, not echoing the path",
    async (_label, path, status, code) => {
      const response = await rawRequest(stack.bffUrl, "GET", path);

      expectApiError(response, status, code);
      expect(response.text).not.toContain(path.slice(5, 40));
      expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("no-store");
    },
  );

  it.each([
    ["TRACE", "/api/health"],
    ["OPTIONS", "*"],
  ])("answers %s %s with the envelope, not 500", async (method, path) => {
    expectApiError(await rawRequest(stack.bffUrl, method, path), 404, "NOT_FOUND");
  });

  it("puts a request id on successful answers too", async () => {
    const response = await demo.get("/api/auth/csrf");

    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });
});

describe("GET /api/health", () => {
  it("reports ok with the four dependency checks up", async () => {
    const response = await stack.newClient().get("/api/health");

    expect(response.status).toBe(200);
    const report = healthReportSchema.parse(response.json);
    expect(report.status).toBe("ok");
    expect(Object.values(report.checks).map((check) => check.status)).toEqual([
      "up",
      "up",
      "up",
      "up",
    ]);
  });
  // The degraded report (upstream probes are reused for 15 s) is in health.test.ts.
});

describe("upstream failures", () => {
  it("answers a WHMCS 5xx with 503 UPSTREAM_UNAVAILABLE and a try-again message", async () => {
    await stack.control.fault({
      system: "whmcs",
      match: "GetInvoices",
      kind: "http5xx",
      status: 500,
      message: UPSTREAM_TEXT,
    });

    const response = await demo.get("/api/invoices");

    const error = expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(error.message).toMatch(/try again/i);
    expect(response.text).not.toContain(UPSTREAM_TEXT);
  });

  it("answers a WHMCS error result with 502 UPSTREAM_ERROR without its message", async () => {
    await stack.control.fault({
      system: "whmcs",
      match: "GetInvoices",
      kind: "whmcs-error",
      message: UPSTREAM_TEXT,
    });

    const response = await demo.get("/api/invoices");

    const error = expectApiError(response, 502, "UPSTREAM_ERROR");
    expect(error.message).toMatch(/try again/i);
    expect(response.text).not.toContain(UPSTREAM_TEXT);
  });

  it("answers a WHMCS that never answers with 503 once the client gives up", async () => {
    await stack.control.fault({ system: "whmcs", match: "GetInvoices", kind: "timeout" });

    const response = await demo.get("/api/invoices");

    expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
  });

  it("answers a malformed WHMCS response with 502 UPSTREAM_ERROR", async () => {
    await stack.control.fault({ system: "whmcs", match: "GetInvoices", kind: "malformed" });

    expectApiError(await demo.get("/api/invoices"), 502, "UPSTREAM_ERROR");
  });

  it("answers an invoice detail read during a WHMCS outage with 503", async () => {
    await stack.control.fault({
      system: "whmcs",
      match: "GetInvoice",
      kind: "http5xx",
      message: UPSTREAM_TEXT,
    });

    const response = await demo.get("/api/invoices/1001");

    expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(response.text).not.toContain(UPSTREAM_TEXT);
  });

  it("answers the dashboard summary during a WHMCS outage with 503, never partial data", async () => {
    await stack.control.fault({ system: "whmcs", kind: "http5xx", message: UPSTREAM_TEXT });

    const response = await demo.get("/api/me/summary");

    expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(Object.keys(response.json as object)).toEqual(["error"]);
    expect(response.text).not.toContain(UPSTREAM_TEXT);
  });

  it("answers a signup hitting the Salesforce request limit with 503, creating nothing", async () => {
    const body = signupBody(UNREGISTERED.hanako);
    await stack.control.fault({
      system: "salesforce",
      match: "/services/data",
      kind: "sf-request-limit",
    });

    const response = await stack.newClient().signup(body);

    expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(response.text).not.toMatch(/REQUEST_LIMIT_EXCEEDED|TotalRequests/);
    await stack.control.clearFaults();
    expect(await stack.whmcs.clientIdsByEmail(body.email)).toEqual([]);
  });
});

/**
 * A request sent byte for byte as `method` and `path` (fetch would normalise a malformed URL and
 * refuses TRACE).
 */
function rawRequest(baseUrl: string, method: string, path: string): Promise<TestResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, method, path }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString("utf8");
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (typeof value === "string") {
            headers.set(name, value);
          }
        }
        resolve({
          status: response.statusCode ?? 0,
          headers,
          bytes,
          text,
          json: JSON.parse(text) as unknown,
        });
      });
    });
    request.on("error", reject);
    request.end();
  });
}
