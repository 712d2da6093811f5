// `npm run bench:startup`: measures what a newcomer waits for. Times `npm start` (scripts/start.mjs)
// from launch to its ready banner in three cases — cold (every build output removed, no data:
// a fresh clone after `npm ci`), warm (built, data present: a later start) — and the clean stop
// on SIGINT, samples the resident memory of the three processes once ready, and prints each
// figure with its ratio to the target of issue 2 (first start < 180 s, later start < 20 s).
// It deletes the shared build outputs (apps/portal/.next, every dist/), which a running `npm start`
// or `npm run test:e2e` serves from: stop them first; it refuses to run while their portal port
// answers. It runs on its own ports and data folder and ignores `.env` (PORTAL_ENV_FILE=none), so
// it measures the stack exactly as a fresh clone starts it.
import { spawn } from "node:child_process";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { readEnvFile } from "../launcher/env-file.mjs";
import { repoRoot } from "../launcher/paths.mjs";
import { assertPortFree, portFromEnv } from "../launcher/ports.mjs";

const DATA_DIR = ".data-bench";
const PORTS = {
  PORTAL_PORT: "3300",
  BFF_PORT: "4300",
  SANDBOX_PORT: "4310",
  SANDBOX_SMTP_PORT: "4325",
  SANDBOX_PUBSUB_PORT: "4343",
};
const READY = /The customer portal is ready/;
/** Upper bound for one start; the target is 180 s, so this only stops a hung run. */
const START_LIMIT_MS = 600_000;

/** Build outputs a fresh clone does not have (see .gitignore). */
const BUILD_OUTPUTS = [
  "packages/domain/dist",
  "packages/integrations/core/dist",
  "packages/integrations/whmcs/dist",
  "packages/integrations/salesforce/dist",
  "apps/sandbox/dist",
  "apps/bff/dist",
  "apps/portal/.next",
];

/**
 * Portals whose build output this benchmark would delete under them: the developer's
 * `npm start` (PORTAL_PORT from the shell or `.env`, default 3000) and `npm run test:e2e`
 * (3100, e2e/support/stack.ts).
 */
const SHARED_BUILD_USERS = [
  {
    port: portFromEnv({ ...readEnvFile()?.values, ...process.env }, "PORTAL_PORT", 3000),
    who: "npm start",
  },
  { port: 3100, who: "npm run test:e2e" },
];

/**
 * Starts the stack, waits for the ready banner, samples memory, stops it with SIGINT. Whatever
 * happens, nothing of the run is left behind: the launcher runs in its own process group
 * (`detached`), which is killed at the end.
 * @returns {Promise<{ readySeconds: number, stopSeconds: number, exitCode: number | null, rssMiB: number }>}
 * @throws Error when the launcher exits or stays silent before it is ready.
 */
async function measureStart() {
  const started = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...PORTS,
      PORTAL_DATA_DIR: DATA_DIR,
      PORTAL_ENV_FILE: "none",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const groupId = /** @type {number} */ (child.pid);
  try {
    let output = "";
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not ready after ${START_LIMIT_MS} ms`)),
        START_LIMIT_MS,
      );
      const onData = (/** @type {Buffer} */ chunk) => {
        output += chunk.toString();
        if (READY.test(output)) {
          clearTimeout(timer);
          resolve(undefined);
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`launcher exited with ${code} before ready:\n${output.slice(-2000)}`));
      });
    });
    const readySeconds = (performance.now() - started) / 1000;
    const rssMiB = await groupRssMiB(groupId);
    child.removeAllListeners("exit");
    const stopping = performance.now();
    const exitCode = await new Promise((resolve) => {
      child.once("exit", (code) => resolve(code));
      child.kill("SIGINT");
    });
    return { readySeconds, stopSeconds: (performance.now() - stopping) / 1000, exitCode, rssMiB };
  } finally {
    try {
      // After a clean stop the group is empty (ESRCH); after a failure it holds the launcher
      // and whichever of sandbox, BFF and portal it had started.
      process.kill(-groupId, "SIGKILL");
    } catch {
      // nothing left to kill
    }
  }
}

/**
 * Resident memory of every process in the launcher's process group (launcher, sandbox, BFF,
 * portal), in MiB, read from /proc (Linux).
 * @param {number} groupId
 */
async function groupRssMiB(groupId) {
  let kib = 0;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // Field 5 (after the parenthesised command name) is the process group id.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== groupId) continue;
    const status = await readFile(`/proc/${entry}/status`, "utf8").catch(() => "");
    kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kib / 1024;
}

/**
 * One result line: the figure, its target and their ratio (below 1 meets the target).
 * @param {string} label @param {number} value @param {number} target @param {string} [unit]
 */
const row = (label, value, target, unit = "s") =>
  `${label.padEnd(34)} ${value.toFixed(1).padStart(7)} ${unit}   target < ${String(target).padStart(3)} ${unit}   ratio ${(value / target).toFixed(2)}`;

for (const { port, who } of SHARED_BUILD_USERS) {
  try {
    await assertPortFree("127.0.0.1", port, who, "PORTAL_PORT");
  } catch {
    console.error(
      `startup benchmark: port ${port} is in use (${who}?). The benchmark deletes apps/portal/.next ` +
        `and every dist/ folder, which that portal serves from: stop it first.`,
    );
    process.exit(1);
  }
}

await rm(path.join(repoRoot, DATA_DIR), { recursive: true, force: true });
for (const output of BUILD_OUTPUTS) {
  await rm(path.join(repoRoot, output), { recursive: true, force: true });
}
console.log("startup benchmark: build outputs and bench data removed; cold start…");
const cold = await measureStart();
console.log("warm start (built, data kept)…");
const warm = await measureStart();
const warmAgain = await measureStart();
await rm(path.join(repoRoot, DATA_DIR), { recursive: true, force: true });

console.log("");
console.log(row("first start (build included)", cold.readySeconds, 180));
console.log(row("later start", warm.readySeconds, 20));
console.log(row("later start (again)", warmAgain.readySeconds, 20));
console.log(row("stop on Ctrl-C (SIGINT)", warm.stopSeconds, 10));
console.log(
  `${"memory of the running stack".padEnd(34)} ${warm.rssMiB.toFixed(0).padStart(7)} MiB (launcher + sandbox + BFF + portal, RSS once ready)`,
);
const exits = [cold, warm, warmAgain].map((run) => run.exitCode);
console.log(`${"exit codes after SIGINT".padEnd(34)} ${exits.join(", ")} (0 = clean)`);
