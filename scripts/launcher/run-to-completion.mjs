import { spawn } from "node:child_process";
import { pipeOutput } from "./output.mjs";

/**
 * Runs `node <script> ...args` to completion with its output prefixed, for build steps.
 *
 * @param {string} prefix  line prefix from `tag()`
 * @param {string} script  absolute path of the Node entry point (e.g. TypeScript's `bin/tsc`)
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<void>} resolves on exit code 0
 * @throws {Error} naming the command and its exit code or signal when it fails
 */
export function runToCompletion(prefix, script, args, { cwd, env = process.env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    pipeOutput(child, prefix);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`${[script, ...args].join(" ")} failed (${signal ?? `exit code ${code}`})`),
        );
    });
  });
}
