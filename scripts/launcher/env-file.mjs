import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { repoRoot } from "./paths.mjs";

/**
 * The developer's settings file the launcher scripts read, chosen by `PORTAL_ENV_FILE`:
 * unset or empty = `<repo>/.env` when it exists; `none` = no file (what the browser tests and the
 * start-up benchmark use, so a developer's `BFF_URL`, `WHMCS_BASE_URL`, `SF_LOGIN_URL`... cannot
 * point their stack at other systems); anything else = that file, relative to the repository
 * root, which must exist.
 *
 * @typedef {object} EnvFile
 * @property {string} path  absolute path of the file
 * @property {NodeJS.Dict<string>} values  its variables, parsed like `node --env-file`
 */

/**
 * Reads the settings file without touching any environment.
 *
 * @param {NodeJS.ProcessEnv} [env]  where `PORTAL_ENV_FILE` is looked up
 * @returns {EnvFile | undefined} undefined when there is no file to read
 * @throws {Error} when `PORTAL_ENV_FILE` names a file that cannot be read
 */
export function readEnvFile(env = process.env) {
  const choice = env.PORTAL_ENV_FILE;
  if (choice === "none") return undefined;
  const file = path.resolve(repoRoot, choice || ".env");
  if (!choice && !existsSync(file)) return undefined;
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(
      `PORTAL_ENV_FILE=${choice}: cannot read ${file} (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  return { path: file, values: parseEnv(text) };
}

/**
 * Adds the settings file's variables to `env`. A variable already set in `env` (even to an empty
 * value) wins over the file, as with `process.loadEnvFile`.
 *
 * @param {NodeJS.ProcessEnv} [env]  modified in place; `process.env` by default
 * @returns {string | undefined} the absolute path of the file read, or undefined when none was
 * @throws {Error} when `PORTAL_ENV_FILE` names a file that cannot be read
 */
export function loadEnvFile(env = process.env) {
  const file = readEnvFile(env);
  if (!file) return undefined;
  for (const [name, value] of Object.entries(file.values)) {
    if (env[name] === undefined) env[name] = value;
  }
  return file.path;
}
