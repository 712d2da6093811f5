import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src/index.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  whmcsCall,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let sandbox: Sandbox;

beforeAll(async () => {
  secrets = await createTestSecrets();
  sandbox = await startTestSandbox(secrets, { standInPorts: { salesforce: 0 } });
});
afterAll(async () => {
  await sandbox.close();
  await removeTestSecrets(secrets);
});

describe("operator console", () => {
  it("shows every stand-in's URL, panel and call counters, and its fault kinds", async () => {
    await whmcsCall(sandbox, secrets, "GetCurrencies");
    const response = await fetch(`${sandbox.url}/`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(`WHMCS <code>${sandbox.url}/whmcs</code>`);
    expect(page).toContain(`Salesforce <code>${sandbox.urls.salesforce}</code>`);
    expect(page).toContain("WHMCS invoices");
    expect(page).toContain("Salesforce accounts");
    expect(page).toContain("next replay id 1");
    expect(page).toContain("WHMCS calls");
    expect(page).toContain("<code>GetCurrencies</code>");
    expect(page).toContain("Salesforce calls");
    for (const kind of [
      "latency",
      "http5xx",
      "timeout",
      "malformed",
      "whmcs-error",
      "sf-request-limit",
    ]) {
      expect(page).toContain(`<option>${kind}</option>`);
    }
  });

  it("refuses a fault kind of another stand-in's dialect", async () => {
    const response = await fetch(`${sandbox.url}/__control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ system: "salesforce", kind: "whmcs-error" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      issues: ["kind: kind whmcs-error applies to system whmcs only"],
    });
  });
});
