import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateDevSecrets } from "../secrets/dev-secrets.js";
import { loadSandboxConfig } from "./sandbox-config.js";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "sandbox-config-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("loadSandboxConfig", () => {
  it("fills missing secrets from the dev secrets in development and applies the defaults", async () => {
    const config = await loadSandboxConfig({ PORTAL_DATA_DIR: dataDir });
    const dev = await generateDevSecrets(dataDir);
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 4010,
      pubSub: { port: 4043, retentionMs: 72 * 60 * 60 * 1000 },
      dataDir: path.join(dataDir, "sandbox"),
      whmcs: { identifier: dev.whmcsApiIdentifier, secret: dev.whmcsApiSecret },
      salesforce: { clientId: dev.sfClientId, username: "integration@portal.sandbox" },
      webhook: { url: "http://127.0.0.1:4000/api/webhooks/whmcs", secret: dev.whmcsWebhookSecret },
      returnUrl: "http://localhost:3000",
      logLevel: "info",
    });
    expect(config.salesforce.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it("switches webhooks off with SANDBOX_WEBHOOK_URL=off", async () => {
    const config = await loadSandboxConfig({
      PORTAL_DATA_DIR: dataDir,
      SANDBOX_WEBHOOK_URL: "off",
    });
    expect(config.webhook.url).toBeNull();
  });

  it("reads the Pub/Sub port and retention, refusing a retention beyond Salesforce's 72 hours", async () => {
    const config = await loadSandboxConfig({
      PORTAL_DATA_DIR: dataDir,
      SANDBOX_PUBSUB_PORT: "0",
      SANDBOX_PUBSUB_RETENTION_HOURS: "1",
    });
    expect(config.pubSub).toEqual({ port: 0, retentionMs: 60 * 60 * 1000 });
    await expect(
      loadSandboxConfig({ PORTAL_DATA_DIR: dataDir, SANDBOX_PUBSUB_RETENTION_HOURS: "73" }),
    ).rejects.toThrow("SANDBOX_PUBSUB_RETENTION_HOURS");
  });

  it("names a malformed variable", async () => {
    await expect(
      loadSandboxConfig({ PORTAL_DATA_DIR: dataDir, SANDBOX_PORT: "http" }),
    ).rejects.toThrow("SANDBOX_PORT");
    await expect(
      loadSandboxConfig({ PORTAL_DATA_DIR: dataDir, SANDBOX_RETURN_URL: "nowhere" }),
    ).rejects.toThrow("SANDBOX_RETURN_URL");
  });

  it("names the missing secrets in production instead of generating them", async () => {
    await expect(
      loadSandboxConfig({
        NODE_ENV: "production",
        PORTAL_DATA_DIR: dataDir,
        SANDBOX_WHMCS_IDENTIFIER: "id",
      }),
    ).rejects.toThrow(/SANDBOX_WHMCS_SECRET.*SANDBOX_SF_CERT_PATH/);
  });

  it("names an unreadable certificate file", async () => {
    await expect(
      loadSandboxConfig({
        PORTAL_DATA_DIR: dataDir,
        SANDBOX_SF_CERT_PATH: path.join(dataDir, "none.crt"),
      }),
    ).rejects.toThrow("SANDBOX_SF_CERT_PATH");
  });
});
