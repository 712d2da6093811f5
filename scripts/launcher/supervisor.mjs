import { spawn } from "node:child_process";
import { once } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { pipeOutput, tag } from "./output.mjs";

/**
 * @typedef {object} ManagedProcess
 * @property {string} name  e.g. `"bff"`
 * @property {import("node:child_process").ChildProcess} child
 * @property {AbortSignal} exited  aborted (reason: an `Error` naming the exit code) when the process ends
 */

/**
 * Owns the stack's long-running child processes: starts them with prefixed output, notices one
 * that dies on its own, and stops them all (last started first) with SIGTERM, then SIGKILL
 * after a grace period. Children stay in the launcher's process group, so a terminal's Ctrl-C
 * or a process-group signal from a test runner reaches them too and nothing is orphaned.
 */
export class Supervisor {
  /** @type {ManagedProcess[]} */
  #processes = [];
  #stopping = false;
  /** @type {(name: string, reason: string) => void} */
  #onUnexpectedExit;

  /**
   * @param {(name: string, reason: string) => void} onUnexpectedExit  called once per process that
   *   ends while the stack is not stopping (`reason` like `"exit code 1"` or `"signal SIGKILL"`)
   */
  constructor(onUnexpectedExit) {
    this.#onUnexpectedExit = onUnexpectedExit;
    // Last resort if the launcher itself ends abruptly (an uncaught error): never leave children behind.
    process.once("exit", () => {
      for (const { child } of this.#processes)
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
  }

  /** Whether {@link stopAll} has begun. */
  get stopping() {
    return this.#stopping;
  }

  /**
   * Spawns `node <script> ...args`.
   *
   * @param {string} name  process name shown as the line prefix
   * @param {Parameters<typeof tag>[1]} colour
   * @param {string} script  absolute path of the Node entry point
   * @param {string[]} args
   * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options  `env` is the child's whole environment
   * @returns {ManagedProcess}
   */
  start(name, colour, script, args, { cwd, env }) {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    pipeOutput(child, tag(name, colour));
    const exited = new AbortController();
    child.once("error", (error) =>
      exited.abort(new Error(`${name} could not be started: ${error.message}`)),
    );
    child.once("exit", (code, signal) => {
      const reason = signal ? `signal ${signal}` : `exit code ${code}`;
      exited.abort(new Error(`${name} stopped (${reason})`));
      if (!this.#stopping) this.#onUnexpectedExit(name, reason);
    });
    const managed = { name, child, exited: exited.signal };
    this.#processes.push(managed);
    return managed;
  }

  /**
   * Stops every running child, the last started first: SIGTERM, then SIGKILL if it is still
   * running after `graceMs`.
   *
   * @param {number} graceMs  milliseconds each process gets to shut down cleanly
   * @returns {Promise<void>} once all have exited
   */
  async stopAll(graceMs) {
    this.#stopping = true;
    for (const { child, exited } of [...this.#processes].reverse()) {
      if (exited.aborted) continue;
      const gone = once(exited, "abort");
      const grace = new AbortController();
      child.kill("SIGTERM");
      const clean = await Promise.race([
        gone.then(() => true),
        delay(graceMs, false, { signal: grace.signal }).catch(() => false),
      ]);
      grace.abort();
      if (!clean) {
        child.kill("SIGKILL");
        await gone;
      }
    }
  }
}
