import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import {
  generateDevSecrets,
  startSandbox,
  type DevSecrets,
  type Sandbox,
  type SandboxOptions,
} from "../../src/index.js";

/** The date every sandbox test runs on: invoices are seeded from it. */
export const TEST_NOW = new Date("2026-03-31T03:00:00Z");

/** Dev secrets (RSA key + certificate) of one test file, in a temporary directory. */
export interface TestSecrets extends DevSecrets {
  privateKeyPem: string;
  certificatePem: string;
  directory: string;
}

/**
 * A private copy of the run's dev secrets (global-setup.ts) in a new temporary directory: the
 * files are the test's to change or delete, without an RSA key generation per file.
 */
export async function createTestSecrets(): Promise<TestSecrets> {
  const directory = await mkdtemp(path.join(tmpdir(), "sandbox-test-"));
  await cp(path.join(inject("sandboxSecretsDir"), "secrets"), path.join(directory, "secrets"), {
    recursive: true,
  });
  const secrets = await generateDevSecrets(directory);
  return {
    ...secrets,
    privateKeyPem: await readFile(secrets.sfPrivateKeyPath, "utf8"),
    certificatePem: await readFile(secrets.sfCertificatePath, "utf8"),
    directory,
  };
}

export async function removeTestSecrets(secrets: TestSecrets): Promise<void> {
  await rm(secrets.directory, { recursive: true, force: true });
}

/** A sandbox on a free port with in-memory state, the test clock and no logging. */
export function startTestSandbox(
  secrets: TestSecrets,
  overrides: Partial<SandboxOptions> = {},
): Promise<Sandbox> {
  return startSandbox({
    dataDir: null,
    whmcs: { identifier: secrets.whmcsApiIdentifier, secret: secrets.whmcsApiSecret },
    salesforce: {
      clientId: secrets.sfClientId,
      username: secrets.sfUsername,
      certificatePem: secrets.certificatePem,
    },
    webhook: { url: null, secret: secrets.whmcsWebhookSecret },
    returnUrl: "http://portal.test",
    now: () => TEST_NOW,
    logger: false,
    ...overrides,
  });
}

/** Posts one WHMCS External API call with the test credentials; returns status and JSON body. */
export async function whmcsCall(
  sandbox: Sandbox,
  secrets: TestSecrets,
  action: string,
  params: Record<string, string | number> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new URLSearchParams({
    action,
    identifier: secrets.whmcsApiIdentifier,
    secret: secrets.whmcsApiSecret,
    responsetype: "json",
  });
  for (const [name, value] of Object.entries(params)) form.set(name, String(value));
  const response = await fetch(`${sandbox.url}/whmcs/includes/api.php`, {
    method: "POST",
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
