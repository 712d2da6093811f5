// `npm run reset [dir]`: deletes the embedded state (portal users, sandbox data, dev secrets) so
// the next `npm start` begins from the demo seed. Refuses anything outside the repository.
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { isInsideRepo, repoRoot, resolveDataDir } from "./launcher/paths.mjs";

const target = resolveDataDir(process.argv[2] ?? process.env.PORTAL_DATA_DIR);
const shown = path.relative(repoRoot, target) || target;

if (!isInsideRepo(target)) {
  console.error(
    `reset: refusing to delete ${target}: it is not a folder inside the repository ${repoRoot}.`,
  );
  process.exit(1);
}

const existed = await stat(target).then(
  () => true,
  () => false,
);
await rm(target, { recursive: true, force: true });
console.log(
  existed ? `reset: removed ${shown}/` : `reset: nothing to remove (${shown}/ does not exist).`,
);
