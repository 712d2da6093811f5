// Builds what is out of date: the TypeScript project references (incremental `tsc -b`) and,
// only when its sources changed since the last successful build, the Next.js portal.
// `node scripts/build.mjs [--force]` (reads `.env` as `npm start` does: NEXT_PUBLIC_* values are
// built into the portal); `scripts/start.mjs` imports `build()`.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadEnvFile } from "./launcher/env-file.mjs";
import { tag } from "./launcher/output.mjs";
import { nextCli, portalDir, repoRoot } from "./launcher/paths.mjs";
import {
  portalBuildIsCurrent,
  portalSourceHash,
  writePortalStamp,
} from "./launcher/portal-stamp.mjs";
import { runToCompletion } from "./launcher/run-to-completion.mjs";

const require = createRequire(import.meta.url);
const prefix = tag("build", "yellow");

/** @param {number} since  `performance.now()` at the start */
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Brings the compiled output up to date and reports each step with its duration.
 *
 * @param {object} [options]
 * @param {boolean} [options.force]  rebuild everything (`tsc -b --force`, `next build` regardless of the stamp)
 * @param {string} [options.tsProject]  what `tsc -b` builds, relative to the repo root: the
 *   solution `tsconfig.build.json` (default) or one workspace such as `apps/sandbox`
 * @param {boolean} [options.portal]  also build the Next.js portal (default true)
 * @returns {Promise<void>}
 * @throws {Error} when a compiler exits non-zero (its own output is already printed)
 */
export async function build({
  force = false,
  tsProject = "tsconfig.build.json",
  portal = true,
} = {}) {
  const started = performance.now();

  const tscStarted = performance.now();
  console.log(`${prefix} tsc -b ${tsProject}${force ? " --force" : ""}`);
  await runToCompletion(
    prefix,
    require.resolve("typescript/bin/tsc"),
    ["-b", tsProject, ...(force ? ["--force"] : [])],
    {
      cwd: repoRoot,
    },
  );
  console.log(`${prefix} TypeScript up to date (${seconds(tscStarted)})`);

  if (portal) {
    const hash = await portalSourceHash();
    if (!force && (await portalBuildIsCurrent(hash))) {
      console.log(`${prefix} portal unchanged since its last build: next build skipped`);
    } else {
      const nextStarted = performance.now();
      console.log(`${prefix} next build apps/portal (up to a minute or two on a small machine)`);
      await runToCompletion(prefix, nextCli, ["build"], {
        cwd: portalDir,
        // `next build` always produces a production bundle; another NODE_ENV only earns a warning.
        env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      });
      await writePortalStamp(hash);
      console.log(`${prefix} portal built (${seconds(nextStarted)})`);
    }
  }
  console.log(`${prefix} done in ${seconds(started)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
  try {
    loadEnvFile();
    await build({ force: values.force });
  } catch (error) {
    console.error(`${prefix} ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
