import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "./support/api-error.js";
import { DEMO } from "./support/demo-data.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;

beforeAll(async () => {
  // Every single WHMCS call fits in its own timeout; one at a time, three of them do not fit in
  // the request's budget.
  stack = await startStack({
    UPSTREAM_BUDGET_MS: "1000",
    SF_LONG_RUNNING_TIMEOUT_MS: "900",
    WHMCS_TIMEOUT_MS: "900",
    WHMCS_READ_RETRIES: "0",
    WHMCS_CONCURRENCY: "1",
    SF_TIMEOUT_MS: "900",
    SF_READ_RETRIES: "0",
  });
});

afterAll(async () => {
  await stack?.close();
});

describe("upstream time budget", () => {
  it("answers 503 UPSTREAM_UNAVAILABLE when slow upstream calls add up past the budget", async () => {
    const client = stack.newClient();
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);
    await stack.control.fault({ system: "whmcs", kind: "latency", latencyMs: 600 });

    const response = await client.get("/api/me/summary");

    const error = expectApiError(response, 503, "UPSTREAM_UNAVAILABLE");
    expect(error.message).toMatch(/taking longer than it should/);
  });

  it("answers normally once the upstream is quick again", async () => {
    await stack.control.clearFaults();
    const client = stack.newClient();
    expect((await client.login(DEMO.email, DEMO.password)).status).toBe(200);

    expect((await client.get("/api/me/summary")).status).toBe(200);
  });
});
