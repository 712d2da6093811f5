import { createHash } from "node:crypto";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { portalDir, repoRoot } from "./paths.mjs";

const stampFile = path.join(portalDir, ".next/portal-build-stamp.json");

/** Folders whose files decide what `next build` produces (the portal imports `@portal/domain`). */
const SOURCE_ROOTS = [portalDir, path.join(repoRoot, "packages/domain")];

/**
 * Single files that decide it too: the installed versions of Next.js, React and every other
 * dependency (a bump must rebuild), and the compiler options the portal's tsconfig extends.
 */
const SOURCE_FILES = ["package-lock.json", "tsconfig.base.json"].map((name) =>
  path.join(repoRoot, name),
);

/** Build output, dependencies and files Next.js itself (re)writes during a build. */
const IGNORED_DIRS = new Set([".next", "node_modules", "dist"]);
const IGNORED_FILE = /^(next-env\.d\.ts|.*\.tsbuildinfo)$/;

/**
 * `NEXT_PUBLIC_*` variables are inlined into the client bundle at build time
 * (https://nextjs.org/docs/app/guides/environment-variables#bundling-environment-variables-for-the-browser),
 * so a change of their values needs a new build too.
 */
const BUILD_TIME_ENV = /^NEXT_PUBLIC_/;

/**
 * @param {string} dir
 * @returns {AsyncGenerator<string>} absolute paths of every file below `dir`, ignored ones skipped
 */
async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) yield* walk(full);
    } else if (entry.isFile() && !IGNORED_FILE.test(entry.name)) {
      yield full;
    }
  }
}

/**
 * A SHA-256 (hex) over the path and content of every portal and domain source file, the
 * lockfile, `tsconfig.base.json` and the build-time environment: equal hashes mean
 * `next build` would produce the same output.
 * Contents, not mtimes, so a fresh checkout of the same commit matches.
 *
 * @returns {Promise<string>}
 */
export async function portalSourceHash() {
  const files = [...SOURCE_FILES];
  for (const root of SOURCE_ROOTS) for await (const file of walk(root)) files.push(file);
  files.sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${path.relative(repoRoot, file)}\0`);
    hash.update(
      createHash("sha256")
        .update(await readFile(file))
        .digest("hex"),
    );
  }
  for (const name of Object.keys(process.env)
    .filter((key) => BUILD_TIME_ENV.test(key))
    .sort()) {
    hash.update(`${name}=${process.env[name]}\0`);
  }
  return hash.digest("hex");
}

/**
 * Whether the last successful build of the portal was made from sources with this hash and
 * its output is still there (`.next/BUILD_ID`).
 *
 * @param {string} hash  from {@link portalSourceHash}
 * @returns {Promise<boolean>}
 */
export async function portalBuildIsCurrent(hash) {
  try {
    await stat(path.join(portalDir, ".next/BUILD_ID"));
    const stamp = JSON.parse(await readFile(stampFile, "utf8"));
    return stamp.sourceHash === hash;
  } catch {
    return false;
  }
}

/**
 * Records a successful build: `{ sourceHash, builtAt }` (ISO 8601 UTC) in
 * `apps/portal/.next/portal-build-stamp.json`.
 *
 * @param {string} hash  the hash computed before the build started
 * @returns {Promise<void>}
 */
export async function writePortalStamp(hash) {
  await writeFile(
    stampFile,
    `${JSON.stringify({ sourceHash: hash, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
}
