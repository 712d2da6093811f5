import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the repository root (the folder with the root `package.json`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Absolute path of the Next.js app (`@portal/web`). */
export const portalDir = path.join(repoRoot, "apps/portal");

/**
 * Absolute path of the portal's production server: Next.js's request handler behind the edge
 * refusals Next.js cannot make itself (decision 0050), in place of `next start`.
 */
export const portalServer = path.join(portalDir, "server/main.mjs");

/** Absolute path of the `next` CLI the portal depends on (run as `node <nextCli> build|start`). */
export const nextCli = createRequire(import.meta.url).resolve("next/dist/bin/next", {
  paths: [portalDir],
});

/**
 * The embedded-state folder (PGlite files, sandbox state, dev secrets) as an absolute path.
 * A relative value is taken from the repository root, not the current directory, so
 * `npm start` and `npm run reset` agree wherever they are run from.
 * Source of the default: docs/architecture/wiring.md, `PORTAL_DATA_DIR`.
 *
 * @param {string | undefined} value  `PORTAL_DATA_DIR` or a command-line argument; empty = `.data`
 * @returns {string}
 */
export function resolveDataDir(value) {
  return path.resolve(repoRoot, value || ".data");
}

/**
 * The sandbox's state folder as an absolute path: `SANDBOX_DATA_DIR` (relative values from the
 * repository root, where the launcher runs the sandbox), else `<dataDir>/sandbox`.
 * Source of the default: docs/architecture/wiring.md, `SANDBOX_DATA_DIR`.
 *
 * @param {string | undefined} value  `SANDBOX_DATA_DIR`; empty = the default
 * @param {string} dataDir  absolute embedded-state folder from {@link resolveDataDir}
 * @returns {string}
 */
export function resolveSandboxDataDir(value, dataDir) {
  return value ? path.resolve(repoRoot, value) : path.join(dataDir, "sandbox");
}

/**
 * Whether `target` lies strictly inside `parent` (not `parent` itself, not outside).
 *
 * @param {string} parent  absolute path, e.g. {@link repoRoot}
 * @param {string} target  absolute path
 * @returns {boolean}
 */
export function isInside(parent, target) {
  const relative = path.relative(parent, target);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}
