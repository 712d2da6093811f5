import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO } from "./support/demo-data.js";
import { type TestResponse } from "./support/http-session.js";
import { type Stack, startStack } from "./support/stack.js";

const METRICS_TOKEN = "metrics-token-for-the-tests-0123456789abcdef";

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ METRICS_TOKEN });
});

afterAll(async () => {
  await stack?.close();
});

/** The exposition text, fetched over real HTTP from loopback like a local Prometheus. */
async function scrape(): Promise<string> {
  const response = await stack.newClient().get("/metrics");
  expect(response.status).toBe(200);
  return response.text;
}

/** The value of the sample `name{labels}` (labels in exposition order), or 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const labelText = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .join(",");
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name}{${labelText}} `));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

/** `GET /metrics` as if from another host (Fastify's inject sets the socket's address). */
async function fromElsewhere(headers: Record<string, string> = {}): Promise<TestResponse> {
  const response = await stack.app.inject({
    method: "GET",
    url: "/metrics",
    remoteAddress: "203.0.113.7",
    headers,
  });
  return {
    status: response.statusCode,
    headers: new Headers(response.headers as Record<string, string>),
    bytes: response.rawPayload,
    text: response.body,
    json: response.headers["content-type"]?.toString().startsWith("application/json")
      ? (response.json() as unknown)
      : undefined,
  };
}

describe("GET /metrics", () => {
  it("answers loopback callers in the Prometheus text format with the process metrics", async () => {
    const response = await stack.newClient().get("/metrics");

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain("# TYPE process_cpu_seconds_total counter");
    expect(response.text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
    expect(response.text).toContain("# TYPE nodejs_array_buffers_bytes gauge");
    for (const name of [
      "http_requests_total",
      "http_request_duration_seconds",
      "upstream_requests_total",
      "upstream_request_duration_seconds",
      "cache_hits_total",
      "cache_misses_total",
      "cache_invalidations_total",
      "queue_depth",
      "queue_dead_letters",
      "jobs_total",
    ]) {
      expect(response.text, name).toContain(`# HELP ${name} `);
    }
  });

  it("refuses another host without the token, with a wrong one, and whatever X-Forwarded-For says", async () => {
    const refusals = [
      await fromElsewhere(),
      await fromElsewhere({ authorization: "Bearer wrong-token" }),
      await fromElsewhere({ authorization: METRICS_TOKEN }),
      await fromElsewhere({ "x-forwarded-for": "127.0.0.1" }),
    ];

    for (const refusal of refusals) {
      expectApiError(refusal, 403, "FORBIDDEN");
      expect(refusal.text).not.toContain("process_cpu_seconds_total");
    }
  });

  it("answers another host that presents the token", async () => {
    const response = await fromElsewhere({ authorization: `Bearer ${METRICS_TOKEN}` });

    expect(response.status).toBe(200);
    expect(response.text).toContain("http_requests_total");
  });

  it("counts requests and their latency by route template, never by raw URL", async () => {
    const client = stack.newClient();
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
    const list = await client.get("/api/invoices?pageSize=1");
    const id = (list.json as { items: { id: number }[] }).items[0]?.id;
    const labels = { method: "GET", route: "/api/invoices/:id", status: "200" };
    const before = await scrape();

    expect((await client.get(`/api/invoices/${id}`)).status).toBe(200);
    expect((await client.get(`/api/invoices/${id}`)).status).toBe(200);
    const after = await scrape();

    expect(sample(after, "http_requests_total", labels)).toBe(
      sample(before, "http_requests_total", labels) + 2,
    );
    expect(sample(after, "http_request_duration_seconds_count", labels)).toBe(
      sample(before, "http_request_duration_seconds_count", labels) + 2,
    );
    expect(sample(after, "http_request_duration_seconds_bucket", { le: "+Inf", ...labels })).toBe(
      sample(after, "http_request_duration_seconds_count", labels),
    );
    expect(after).not.toContain(`/api/invoices/${id}"`);
    expect(after).not.toContain("pageSize");
  });

  it("labels requests that matched no route as unmatched", async () => {
    await stack.newClient().get("/api/no-such-thing/12345");

    const text = await scrape();

    expect(
      sample(text, "http_requests_total", { method: "GET", route: "unmatched", status: "404" }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain("no-such-thing");
  });

  it("counts cache misses and hits by namespace", async () => {
    const client = stack.newClient();
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
    const before = await scrape();
    const invoices = { namespace: "invoices" };

    await client.get("/api/invoices?pageSize=3");
    await client.get("/api/invoices?pageSize=3");
    const after = await scrape();

    expect(sample(after, "cache_misses_total", invoices)).toBeGreaterThan(
      sample(before, "cache_misses_total", invoices),
    );
    expect(sample(after, "cache_hits_total", invoices)).toBeGreaterThan(
      sample(before, "cache_hits_total", invoices),
    );
  });
});
