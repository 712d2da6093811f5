// `npm run reset [dir]`: deletes the embedded state (portal users, sandbox data, dev secrets) so
// the next `npm start` begins from the demo seed. Reads `.env` as `npm start` does, so both agree
// on PORTAL_DATA_DIR (and a SANDBOX_DATA_DIR outside it); an explicit `dir` deletes only that
// folder. Refuses anything outside the repository.
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { loadEnvFile } from "./launcher/env-file.mjs";
import { isInside, repoRoot, resolveDataDir, resolveSandboxDataDir } from "./launcher/paths.mjs";

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`reset: ${message}`);
  process.exit(1);
}

const explicit = process.argv[2];
if (explicit === undefined) {
  try {
    const file = loadEnvFile();
    if (file) console.log(`reset: read ${path.relative(process.cwd(), file) || file}`);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

const dataDir = resolveDataDir(explicit ?? process.env.PORTAL_DATA_DIR);
const targets = [dataDir];
if (explicit === undefined && process.env.SANDBOX_DATA_DIR) {
  const sandboxDir = resolveSandboxDataDir(process.env.SANDBOX_DATA_DIR, dataDir);
  if (sandboxDir !== dataDir && !isInside(dataDir, sandboxDir)) targets.push(sandboxDir);
}

for (const target of targets) {
  if (!isInside(repoRoot, target)) {
    fail(`refusing to delete ${target}: it is not a folder inside the repository ${repoRoot}.`);
  }
}

for (const target of targets) {
  const shown = path.relative(repoRoot, target);
  const existed = await stat(target).then(
    () => true,
    () => false,
  );
  await rm(target, { recursive: true, force: true });
  console.log(
    existed ? `reset: removed ${shown}/` : `reset: nothing to remove (${shown}/ does not exist).`,
  );
}
