import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type TestProject } from "vitest/node";
import { generateDevSecrets } from "../../src/secrets/dev-secrets.js";

declare module "vitest" {
  /** What the sandbox project's global setup prepares once per run. */
  export interface ProvidedContext {
    /** A data directory whose `secrets/` hold one set of dev secrets (RSA key included). */
    sandboxSecretsDir: string;
  }
}

/**
 * Once per `vitest run`: one set of dev secrets, which `createTestSecrets()` copies instead of
 * generating an RSA key per file (decision 0045). Returns the teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const directory = await mkdtemp(path.join(tmpdir(), "sandbox-tests-"));
  await generateDevSecrets(directory);
  project.provide("sandboxSecretsDir", directory);
  return () => rm(directory, { recursive: true, force: true });
}
