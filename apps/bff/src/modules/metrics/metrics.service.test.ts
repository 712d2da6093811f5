import { Logger } from "@nestjs/common";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { cachedRead } from "../cache/cached-read.js";
import { CacheService } from "../cache/cache.service.js";
import { MemoryCacheStore } from "../cache/memory-cache-store.js";
import { MetricsService } from "./metrics.service.js";

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe("MetricsService", () => {
  it("counts upstream calls and their duration by system, operation and outcome", async () => {
    const metrics = new MetricsService();

    metrics.observeUpstreamCall({
      system: "whmcs",
      operation: "GetInvoices",
      outcome: "ok",
      durationMs: 120,
    });
    metrics.observeUpstreamCall({
      system: "whmcs",
      operation: "GetInvoices",
      outcome: "ok",
      durationMs: 80,
    });
    const text = (await metrics.render()).body;

    expect(text).toMatch(
      /^upstream_requests_total\{system="whmcs",operation="GetInvoices",outcome="ok"\} 2$/m,
    );
    expect(text).toMatch(/^upstream_request_duration_seconds_sum\{.*\} 0\.2$/m);
    expect(text).toContain(
      'upstream_request_duration_seconds_bucket{le="0.1",system="whmcs",operation="GetInvoices",outcome="ok"} 1',
    );
  });

  it("reads the job queue's depth, dead letters and outcomes at every scrape", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const metrics = new MetricsService();
    const counts = { waiting: 3, deadLettered: 0, completed: 5, failed: 1 };
    metrics.watchJobQueue(async () => ({ fulfillment: { ...counts } }));

    const first = (await metrics.render()).body;
    Object.assign(counts, { waiting: 1, deadLettered: 1, completed: 7, failed: 2 });
    vi.advanceTimersByTime(1000); // the next scrape
    const second = (await metrics.render()).body;
    vi.useRealTimers();

    expect(first).toContain('queue_depth{queue="fulfillment"} 3');
    expect(first).toContain('jobs_total{queue="fulfillment",outcome="completed"} 5');
    expect(second).toContain('queue_depth{queue="fulfillment"} 1');
    expect(second).toContain('queue_dead_letters{queue="fulfillment"} 1');
    expect(second).toContain('jobs_total{queue="fulfillment",outcome="completed"} 7');
    expect(second).toContain('jobs_total{queue="fulfillment",outcome="failed"} 2');
  });

  it("serves the other metrics when the job queue cannot be read", async () => {
    const metrics = new MetricsService();
    metrics.watchJobQueue(async () => {
      throw new Error("database down");
    });
    metrics.observeHttpRequest("GET", "/api/health", 200, 0.002);

    const text = (await metrics.render()).body;

    expect(text).toContain('http_requests_total{method="GET",route="/api/health",status="200"} 1');
    expect(text).not.toContain("queue_depth{");
  });

  it("is the integration clients' upstream observer", async () => {
    const metrics = new MetricsService();

    metrics.upstreamObserver.callFinished({
      system: "salesforce",
      operation: "query",
      outcome: "unavailable",
      durationMs: 40,
    });

    expect((await metrics.render()).body).toContain(
      'upstream_requests_total{system="salesforce",operation="query",outcome="unavailable"} 1',
    );
  });

  it("receives the cache's hits and misses under the read's namespace, invalidations under the tag's kind", async () => {
    const metrics = new MetricsService();
    const cache = new CacheService(new MemoryCacheStore(), metrics);
    const invoiceRead = cachedRead({
      namespace: "invoices",
      key: ({ clientId, invoiceId }: { clientId: number; invoiceId: number }) =>
        `${clientId}:${invoiceId}`,
      schema: z.object({ n: z.number() }),
      freshness: { ttlSeconds: 60 },
      tags: ({ clientId }) => [
        { kind: "billing-client", id: clientId },
        { kind: "invoices", id: clientId },
      ],
    });
    const invoice = { clientId: 1, invoiceId: 1001 };

    await cache.read(invoiceRead, invoice, async () => ({ n: 1 }));
    await cache.read(invoiceRead, invoice, async () => ({ n: 1 }));
    await cache.invalidateTag({ kind: "invoices", id: 1 });
    await cache.invalidateTag({ kind: "billing-client", id: 1 });
    const text = (await metrics.render()).body;

    expect(text).toContain('cache_misses_total{namespace="invoices"} 1');
    expect(text).toContain('cache_hits_total{namespace="invoices"} 1');
    expect(text).toContain('cache_invalidations_total{namespace="invoices"} 1');
    expect(text).toContain('cache_invalidations_total{namespace="billing-client"} 1');
    expect(text).not.toContain("1001");
  });

  it("keeps each application's counters apart", async () => {
    const first = new MetricsService();
    const second = new MetricsService();

    first.observeHttpRequest("GET", "/api/me", 200, 0.01);

    expect((await first.render()).body).toContain(
      'http_requests_total{method="GET",route="/api/me",status="200"} 1',
    );
    expect((await second.render()).body).not.toContain('route="/api/me"');
  });
});
