import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src/index.js";
import { salesforceSession } from "./support/salesforce-session.js";
import {
  createTestSecrets,
  removeTestSecrets,
  startTestSandbox,
  type TestSecrets,
} from "./support/test-sandbox.js";

let secrets: TestSecrets;
let sandbox: Sandbox;

beforeAll(async () => {
  secrets = await createTestSecrets();
  sandbox = await startTestSandbox(secrets, { standInPorts: { whmcs: 0, salesforce: 0 } });
});
afterAll(async () => {
  await sandbox.close();
  await removeTestSecrets(secrets);
});

describe("stand-ins on their own ports", () => {
  it("gives each stand-in a root URL of its own", () => {
    const ports = new Set(
      [sandbox.url, sandbox.urls.whmcs, sandbox.urls.salesforce].map((url) => new URL(url).port),
    );
    expect(ports.size).toBe(3);
    expect(new URL(sandbox.urls.whmcs).pathname).toBe("/");
    expect(new URL(sandbox.urls.salesforce).pathname).toBe("/");
  });

  it("answers Salesforce with an instance_url without a path, as Salesforce does", async () => {
    const session = await salesforceSession(sandbox, secrets);
    expect(session.instanceUrl).toBe(sandbox.urls.salesforce);
    expect(session.token.id).toMatch(
      new RegExp(`^${sandbox.urls.salesforce}/id/00D\\w{15}/005\\w{15}$`),
    );
    const query = await session.get(
      `/services/data/v62.0/query?q=${encodeURIComponent("SELECT COUNT() FROM Account")}`,
    );
    expect(query).toMatchObject({ status: 200, body: { totalSize: 5, done: true } });
  });

  it("answers the WHMCS API at <root>/includes/api.php with SSO links under that root", async () => {
    const response = await fetch(`${sandbox.urls.whmcs}/includes/api.php`, {
      method: "POST",
      body: new URLSearchParams({
        action: "CreateSsoToken",
        identifier: secrets.whmcsApiIdentifier,
        secret: secrets.whmcsApiSecret,
        responsetype: "json",
        client_id: "1",
      }),
    });
    const body = (await response.json()) as { redirect_url: string };
    expect(body.redirect_url).toMatch(
      new RegExp(`^${sandbox.urls.whmcs}/oauth/singlesignon\\.php\\?access_token=\\w+$`),
    );
    const signOn = await fetch(body.redirect_url, { redirect: "manual" });
    expect(signOn.status).toBe(302);
    expect(signOn.headers.get("location")).toBe("/clientarea.php");
  });

  it("keeps the shared server's prefixed routes, and counts calls of both in one place", async () => {
    await sandbox.reset();
    await fetch(`${sandbox.url}/whmcs/includes/api.php`, {
      method: "POST",
      body: new URLSearchParams({ action: "WhmcsDetails", responsetype: "json" }),
    });
    await fetch(`${sandbox.urls.whmcs}/includes/api.php`, {
      method: "POST",
      body: new URLSearchParams({ action: "WhmcsDetails", responsetype: "json" }),
    });
    expect(sandbox.calls().whmcs).toEqual({ WhmcsDetails: 2 });
  });
});
