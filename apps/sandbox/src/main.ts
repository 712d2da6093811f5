#!/usr/bin/env node
/**
 * `portal-sandbox`: starts the sandbox from the environment (see config/sandbox-config.ts),
 * logs its URLs and stops cleanly on SIGINT/SIGTERM.
 */
import { pino } from "pino";
import { loadSandboxConfig, SandboxConfigError } from "./config/sandbox-config.js";
import { startSandbox } from "./sandbox.js";

async function main(): Promise<void> {
  const { logLevel, ...options } = await loadSandboxConfig(process.env);
  const logger = pino({ name: "sandbox", level: logLevel });
  const sandbox = await startSandbox({ ...options, logger });
  console.log(`Sandbox console:        ${sandbox.url}/`);
  console.log(`WHMCS_BASE_URL:         ${sandbox.urls.whmcs}`);
  console.log(`SF_LOGIN_URL:           ${sandbox.urls.salesforce}`);
  console.log(`FREEBIT_API_BASE_URL:   ${sandbox.urls.freebit}/emptool/api`);
  console.log(`SMTP_URL:               ${sandbox.smtpUrl}`);
  console.log(`Pub/Sub API (TLS):      ${sandbox.pubSub.endpoint}`);
  console.log(`State:                  ${options.dataDir ?? "(memory)"}`);

  const stop = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, "stopping");
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("sandbox: close failed", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof SandboxConfigError ? `sandbox: ${error.message}` : error);
  process.exit(1);
});
