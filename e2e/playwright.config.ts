import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { dataDir, portalUrl, ports } from "./support/stack.js";

/**
 * Browser journeys against the whole stack, started by `scripts/start.mjs` exactly as a developer
 * runs it, on its own ports (3100/4100/4110, SMTP 4125, Pub/Sub 4143, so a running `npm start` does not clash) and its own
 * data folder `.data-e2e/`, wiped before each run so the demo seed is fresh. A developer's `.env`
 * is not read (its BFF_URL, WHMCS_BASE_URL, SF_LOGIN_URL... would point the stack elsewhere).
 * The stack shares the portal build `apps/portal/.next` with `npm start`: when the portal's
 * sources changed since that build, the launcher rebuilds it first.
 * Browser: Debian's Chromium (`apt-get install chromium`), not a Playwright download.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: "artifacts/test-results",
  // One stack, shared sandbox state: journeys run one after another.
  fullyParallel: false,
  workers: 1,
  // Journeys create users (customer numbers can only be registered once): a retry could not pass.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { outputFolder: "artifacts/report", open: "never" }]],
  use: {
    baseURL: portalUrl,
    headless: true,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node scripts/reset.mjs ${dataDir} && node scripts/start.mjs`,
    cwd: repoRoot,
    // The launcher's ready banner: printed once the sandbox, the BFF (/api/health) and the portal
    // all answer. (Polling the portal alone would start the journeys while the BFF still boots.)
    wait: { stdout: /The customer portal is ready/ },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM to the launcher's process group: it stops the sandbox, BFF and portal cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: {
      PORTAL_ENV_FILE: "none",
      PORTAL_DATA_DIR: dataDir,
      PORTAL_PORT: String(ports.portal),
      BFF_PORT: String(ports.bff),
      SANDBOX_PORT: String(ports.sandbox),
      SANDBOX_SMTP_PORT: String(ports.smtp),
      SANDBOX_PUBSUB_PORT: String(ports.pubSub),
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // The journeys make more auth calls a minute than one customer would; the limit itself is
      // covered by the BFF's integration tests.
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    },
  },
});
