import { dashboardSummarySchema, type DashboardSummary } from "@portal/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "./support/demo-data.js";
import { type PortalClient } from "./support/portal-client.js";
import { startStack, type Stack } from "./support/stack.js";

let stack: Stack;
let demo: PortalClient;

async function summary(): Promise<DashboardSummary> {
  const response = await demo.get("/api/me/summary");
  expect(response.status).toBe(200);
  return dashboardSummarySchema.parse(response.json);
}

beforeAll(async () => {
  stack = await startStack();
  demo = stack.newClient();
  expect((await demo.login(DEMO.email, DEMO.password)).status).toBe(200);
});

afterAll(async () => {
  await stack?.close();
});

describe("GET /api/me/summary", () => {
  it("counts the demo's two payable invoices, one of them overdue", async () => {
    const { invoices } = await summary();

    expect(invoices).toMatchObject({
      unpaidCount: 2,
      unpaidTotal: { amount: 2 * 5830, currency: "JPY" },
      overdueCount: 1,
    });
  });

  it("gives the next payment's status, so a past-due one reads as overdue", async () => {
    const { invoices } = await summary();

    // The earliest due of the two payable demo invoices is the overdue one (seed).
    expect(invoices.nextDue).toMatchObject({ status: "overdue", total: { amount: 5830 } });
  });
});
