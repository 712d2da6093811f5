import { healthReportSchema } from "@portal/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.js";

/** Marker put into injected upstream error messages; it must never reach a response. */
const UPSTREAM_TEXT = "SECRET-UPSTREAM-DETAIL";

describe("GET /api/health with the upstream systems up", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("probes WHMCS and Salesforce once for 20 concurrent requests, and reports ok", async () => {
    await stack.control.resetCalls();

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => stack.newClient().get("/api/health")),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    for (const response of responses) {
      const report = healthReportSchema.parse(response.json);
      expect(report.status).toBe("ok");
      expect(Object.values(report.checks).map((check) => check.status)).toEqual([
        "up",
        "up",
        "up",
        "up",
      ]);
    }
    const calls = await stack.control.calls();
    expect(calls.whmcs.WhmcsDetails).toBe(1);
    const limitsCalls = Object.entries(calls.salesforce)
      .filter(([endpoint]) => endpoint.endsWith("/limits"))
      .reduce((sum, [, count]) => sum + count, 0);
    expect(limitsCalls).toBe(1);
  });

  it("keeps the cache counters out of the public report", async () => {
    const response = await stack.newClient().get("/api/health");

    expect(response.status).toBe(200);
    expect(response.text).not.toMatch(/hits|misses|invalidations|storeErrors/);
  });
});

describe("GET /api/health while WHMCS fails", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("reports degraded, with WHMCS down and no upstream text, probing WHMCS once", async () => {
    await stack.control.fault({ system: "whmcs", kind: "http5xx", message: UPSTREAM_TEXT });
    await stack.control.resetCalls();

    const responses = await Promise.all(
      Array.from({ length: 5 }, () => stack.newClient().get("/api/health")),
    );

    for (const response of responses) {
      expect(response.status).toBe(200);
      const report = healthReportSchema.parse(response.json);
      expect(report.status).toBe("degraded");
      expect(report.checks.whmcs.status).toBe("down");
      expect(report.checks.database.status).toBe("up");
      expect(response.text).not.toContain(UPSTREAM_TEXT);
    }
    expect(await stack.control.whmcsCalls("WhmcsDetails")).toBe(1);
  });
});
