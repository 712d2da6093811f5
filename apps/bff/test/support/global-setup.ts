import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
// Global setup resolves without the `@portal/source` condition: the source file itself.
import { generateDevSecrets } from "../../../sandbox/src/secrets/dev-secrets.js";
import { type TestProject } from "vitest/node";
import { writePgliteTemplate } from "../../src/modules/database/open-database.js";

declare module "vitest" {
  /** What the BFF projects' global setup prepares once per run (`inject(name)` in a test). */
  export interface ProvidedContext {
    /** A migrated PGlite data directory dump every embedded test database starts from. */
    pgliteTemplate: string;
    /** A `PORTAL_DATA_DIR`-style folder whose `secrets/` hold dev secrets (RSA key included). */
    devSecretsDir: string;
  }
}

/**
 * Once per `vitest run`, before any BFF test file: the migrated PGlite template and one set of
 * dev secrets, which every test stack and test database reuse instead of running initdb, the
 * migrations and an RSA key generation of its own (decision 0045). Returns the teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const directory = await mkdtemp(path.join(tmpdir(), "portal-bff-tests-"));
  const pgliteTemplate = path.join(directory, "pglite-template.tar");
  await Promise.all([writePgliteTemplate(pgliteTemplate), generateDevSecrets(directory)]);
  project.provide("pgliteTemplate", pgliteTemplate);
  project.provide("devSecretsDir", directory);
  return () => rm(directory, { recursive: true, force: true });
}
