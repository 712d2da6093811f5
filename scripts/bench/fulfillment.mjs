// `npm run bench:fulfillment [-- --orders=1000] [--mode=embedded|servers] [--kill-every=S]
// [--min-kills=200] [--timeout=1800] [--port-base=4500]`: the event-driven fulfilment (issue 8, "Crash safety,
// proven") under load. Builds what is out of date (not the portal), starts the sandbox (Freebit
// activations complete at once) and the BFF on their own ports with their own data folder
// (.data-bench-fulfillment; `.env` is ignored), waits until a first order goes all the way to
// `Activated` (the subscriber is listening), then makes `--orders` SIM orders for bench customers
// (physical and eSIM in turn, five orders per customer) and approves them as staff would in
// Salesforce (the console's "Approve order": OrderChangeEvent + Order_Fulfilment_Requested__e).
// It waits until every approved order has settled and prints orders/s (approved orders over the
// time from the first approval to the last activation), p50/p99 from approval to `Activated`
// (the sandbox's own timestamps: Status → Approved and Activation_Status__c → Activated in
// OrderHistory), the BFF's resident memory (peak and at the end) and duplicates: an Order
// activated twice, two WHMCS orders or more services than billed lines for one Order, more Freebit
// activations than SIM lines (control/fulfilment-report.ts in the sandbox).
//
// `--kill-every=S` SIGKILLs the BFF every S seconds and starts it again at once, while approving:
// the orders are approved a few at a time, one batch per kill interval (`ceil(orders /
// min-kills)` each), so approvals, events and workflow steps are in flight at every kill; when
// the orders run out before `--min-kills` kills (default 200), more orders are made the same way
// until both the order count and the kill count are reached. It then stops killing, waits until
// everything settled and also prints kills, lost orders (approved but never `Activated`) and
// duplicated ones. Exits 1 on any lost or duplicated order (or a timeout), 0 otherwise.
//
// `--mode=servers` runs the BFF on the local PostgreSQL and Redis: BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres; a private database `bench_fulfillment` is created
// there and dropped afterwards) and BENCH_REDIS_URL (default redis://127.0.0.1:6379; keys under a
// private prefix). Kill runs belong on servers: embedded PGlite is a development database.
//
// `--port-base=P` (default 4500) moves the BFF to port P, the sandbox to P+10 (SMTP P+25, Pub/Sub
// P+43), its data folder to `.data-bench-fulfillment-P` and, in servers mode, the database to
// `bench_fulfillment_P`, so that two runs (say a
// kill run and a throughput run from another worktree) can share the machine and the servers.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "../build.mjs";
import { repoRoot } from "../launcher/paths.mjs";
import { waitForHttp } from "../launcher/readiness.mjs";
import { createBenchDatabase, dropBenchDatabase } from "./bench-database.mjs";
import { benchPorts } from "./bench-ports.mjs";
import { rssMiB } from "./process-memory.mjs";
import { bffEnv, bffUrl, readStackConfig, sandboxEnv, sandboxUrl } from "../launcher/stack-env.mjs";

const { values: flags } = parseArgs({
  options: {
    orders: { type: "string", default: "1000" },
    mode: { type: "string", default: "embedded" },
    "kill-every": { type: "string" },
    "min-kills": { type: "string", default: "200" },
    "port-base": { type: "string", default: "4500" },
    // Seconds to wait for the approved orders to settle after the last approval (or kill).
    timeout: { type: "string", default: "1800" },
  },
});
if (flags.mode !== "embedded" && flags.mode !== "servers") {
  console.error(`--mode=${flags.mode}: use embedded or servers.`);
  process.exit(1);
}
const mode = flags.mode;
const orderCount = positiveInteger("orders", flags.orders);
const killEveryS = flags["kill-every"] === undefined ? null : Number(flags["kill-every"]);
if (killEveryS !== null && !(killEveryS > 0)) {
  console.error(`--kill-every=${flags["kill-every"]}: give a number of seconds above 0.`);
  process.exit(1);
}
const minKills = killEveryS === null ? 0 : positiveInteger("min-kills", flags["min-kills"]);
const settleTimeoutMs = positiveInteger("timeout", flags.timeout) * 1000;

const { portBase, ports: PORTS } = benchPorts(flags["port-base"]);

const DATA_DIR = path.join(
  repoRoot,
  portBase === 4500 ? ".data-bench-fulfillment" : `.data-bench-fulfillment-${portBase}`,
);
const READY_TIMEOUT_MS = 300_000;
/**
 * Orders per control call. The API takes up to 5,000, but on a loaded machine making 1,000 in one
 * call outlasted fetch's 300 s wait for the answer's headers ("fetch failed"); 100 at a time stays
 * well within it.
 */
const CONTROL_CHUNK = 100;
/** How long the first order may take end to end (the BFF subscribes, the workflow warms up). */
const CANARY_TIMEOUT_MS = 180_000;
const POLL_MS = 1000;
const BENCH_DATABASE = portBase === 4500 ? "bench_fulfillment" : `bench_fulfillment_${portBase}`;
const serverDatabaseUrl =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const serverRedisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * A whole number above 0 given as `--name`, or exit with a message naming it.
 * @param {string} name @param {string | undefined} value
 */
function positiveInteger(name, value) {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    console.error(`--${name}=${value}: give a whole number above 0.`);
    process.exit(1);
  }
  return number;
}

/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();

/**
 * Starts `script` as a child process, its output appended to `logFile`.
 * @param {string} script @param {NodeJS.ProcessEnv} env @param {string} logFile
 */
function start(script, env, logFile) {
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(process.execPath, [script], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** @param {import("node:child_process").ChildProcess} child @param {string} url */
async function ready(child, url) {
  const exited = new AbortController();
  const onExit = (/** @type {number | null} */ code) =>
    exited.abort(new Error(`${url}: process exited with ${code}`));
  child.once("exit", onExit);
  try {
    await waitForHttp(url, { timeoutMs: READY_TIMEOUT_MS, signal: exited.signal, anyStatus: true });
  } finally {
    child.off("exit", onExit);
  }
}

/**
 * One Order as the sandbox's `/__control/fulfilment/report` gives it.
 * @typedef {object} OrderReport
 * @property {string} orderId
 * @property {string | null} activationStatus
 * @property {string | null} approvedAt
 * @property {string | null} activatedAt
 * @property {number} activatedTimes
 * @property {number[]} whmcsOrderIds
 * @property {number} whmcsServices
 * @property {number} freebitActivations
 * @property {boolean} duplicated
 */

/**
 * POSTs `body` to the sandbox's control API and returns the JSON answer.
 * @param {string} base @param {string} route @param {unknown} body
 * @returns {Promise<any>}
 */
async function control(base, route, body) {
  const response = await fetch(`${base}/__control${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) {
    throw new Error(`${route} answered ${response.status}: ${JSON.stringify(answer)}`);
  }
  return answer;
}

/** `count` new SIM orders (Pending Review). @param {string} base @param {number} count @returns {Promise<string[]>} */
async function makeOrders(base, count) {
  /** @type {string[]} */
  const ids = [];
  for (let made = 0; made < count; made += CONTROL_CHUNK) {
    const answer = await control(base, "/fulfilment/sim-orders", {
      count: Math.min(CONTROL_CHUNK, count - made),
    });
    ids.push(...answer.orders.map((/** @type {{ orderId: string }} */ order) => order.orderId));
  }
  return ids;
}

/** Approves `orderIds` as staff would. @param {string} base @param {string[]} orderIds */
async function approve(base, orderIds) {
  for (let index = 0; index < orderIds.length; index += CONTROL_CHUNK) {
    const answer = await control(base, "/fulfilment/approvals", {
      orderIds: orderIds.slice(index, index + CONTROL_CHUNK),
    });
    if (answer.refused.length > 0) {
      throw new Error(`approvals refused: ${JSON.stringify(answer.refused.slice(0, 3))}`);
    }
  }
}

/** @param {string} base @param {string[]} orderIds @returns {Promise<OrderReport[]>} */
async function report(base, orderIds) {
  /** @type {OrderReport[]} */
  const orders = [];
  for (let index = 0; index < orderIds.length; index += CONTROL_CHUNK) {
    const answer = await control(base, "/fulfilment/report", {
      orderIds: orderIds.slice(index, index + CONTROL_CHUNK),
    });
    orders.push(...answer.orders);
  }
  return orders;
}

/** @param {OrderReport} order */
const settled = (order) =>
  order.activationStatus === "Activated" || order.activationStatus === "Failed";

/**
 * Polls the report of `orderIds` until all settled or `timeoutMs` passed; returns the last one.
 * Shows the progress unless `quiet`.
 * @param {string} base @param {string[]} orderIds @param {number} timeoutMs
 * @param {{ onPoll?: () => void, quiet?: boolean }} [options]
 */
async function awaitSettled(base, orderIds, timeoutMs, { onPoll, quiet = false } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const orders = await report(base, orderIds);
    onPoll?.();
    const done = orders.filter(settled).length;
    if (done === orderIds.length || Date.now() > deadline) return orders;
    if (!quiet) process.stdout.write(`\r  ${done} / ${orderIds.length} settled   `);
    await delay(POLL_MS);
  }
}

/** The `q`-quantile (0–1) of sorted `values`, nearest rank. @param {number[]} values @param {number} q */
function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  return values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)] ?? Number.NaN;
}

const f0 = (/** @type {number} */ n) => n.toFixed(0);
const f1 = (/** @type {number} */ n) => n.toFixed(1);

/** @returns {Promise<number>} the exit code */
async function main() {
  await build({ portal: false });
  await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(DATA_DIR, { recursive: true });

  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    ...PORTS,
    PORTAL_DATA_DIR: DATA_DIR,
    PORTAL_ENV_FILE: "none",
    // A zero-latency sandbox: activations complete as soon as they are accepted.
    SANDBOX_FREEBIT_ACTIVATION_DELAY_MS: "0",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (mode === "servers") {
    env.DATABASE_URL = await createBenchDatabase(serverDatabaseUrl, BENCH_DATABASE);
    env.REDIS_URL = serverRedisUrl;
    env.REDIS_KEY_PREFIX = `bench-fulfillment:${process.pid}:`;
  }
  const config = readStackConfig(env);
  /** @type {{ generateDevSecrets(dataDir: string): Promise<import("../launcher/stack-env.mjs").DevSecrets> }} */
  const sandboxModule = await import(
    pathToFileURL(path.join(repoRoot, "apps/sandbox/dist/index.js")).href
  );
  const secrets = await sandboxModule.generateDevSecrets(config.dataDir);
  const sandboxBase = sandboxUrl(config);
  const sandbox = start(
    path.join(repoRoot, "apps/sandbox/dist/main.js"),
    sandboxEnv(config, secrets, env),
    path.join(DATA_DIR, "sandbox.log"),
  );
  await ready(sandbox, `${sandboxBase}/__control/calls`);

  const bffLog = path.join(DATA_DIR, "bff.log");
  const bffHealth = `${bffUrl(config)}/api/health`;
  const startBff = async () => {
    const child = start(
      path.join(repoRoot, "apps/bff/dist/main.js"),
      bffEnv(config, secrets, env),
      bffLog,
    );
    await ready(child, bffHealth);
    return child;
  };
  let bff = await startBff();

  // A first order end to end: the subscriber listens and every step has run once. An order
  // approved before the subscription existed may never be heard of (LATEST), so try again.
  const canaryDeadline = Date.now() + CANARY_TIMEOUT_MS;
  /** @type {string[]} */
  const canaries = [];
  for (;;) {
    const [canary] = await makeOrders(sandboxBase, 1);
    if (!canary) throw new Error("the sandbox made no order");
    canaries.push(canary);
    await approve(sandboxBase, [canary]);
    const states = await awaitSettled(sandboxBase, canaries, 15_000, { quiet: true });
    if (states.some((order) => order.activationStatus === "Activated")) break;
    if (states.at(-1)?.activationStatus === "Failed") {
      throw new Error(`the first order failed: see ${bffLog}`);
    }
    if (Date.now() > canaryDeadline) {
      throw new Error(`no order was activated within ${CANARY_TIMEOUT_MS / 1000} s: see ${bffLog}`);
    }
  }
  process.stdout.write("  the first order was activated; the run starts\n");

  let peakRss = await rssMiB(bff.pid);
  const sampleMemory = async () => {
    peakRss = Math.max(peakRss, await rssMiB(bff.pid));
  };
  const memoryTimer = setInterval(() => void sampleMemory(), 500);

  /** @type {string[]} */
  const approved = [];
  let kills = 0;
  const startedAt = Date.now();
  if (killEveryS === null) {
    const orderIds = await makeOrders(sandboxBase, orderCount);
    await approve(sandboxBase, orderIds);
    approved.push(...orderIds);
  } else {
    const batch = Math.max(1, Math.ceil(orderCount / minKills));
    /** @type {string[]} */
    let queue = await makeOrders(sandboxBase, orderCount);
    while (kills < minKills || queue.length > 0) {
      if (queue.length === 0) queue = await makeOrders(sandboxBase, batch);
      const next = queue.slice(0, batch);
      queue = queue.slice(batch);
      await approve(sandboxBase, next);
      approved.push(...next);
      await delay(killEveryS * 1000);
      const exited = new Promise((resolve) => bff.once("exit", resolve));
      bff.kill("SIGKILL");
      await exited;
      kills += 1;
      bff = await startBff();
      process.stdout.write(`\r  ${kills} kills, ${approved.length} orders approved`);
    }
    process.stdout.write("\n");
  }
  const orders = await awaitSettled(sandboxBase, approved, settleTimeoutMs, {
    onPoll: () => void sampleMemory(),
  });
  process.stdout.write("\n");
  clearInterval(memoryTimer);
  const endRss = await rssMiB(bff.pid);

  const activated = orders.filter((order) => order.activationStatus === "Activated");
  const failed = orders.filter((order) => order.activationStatus === "Failed");
  const lost = orders.length - activated.length + (approved.length - orders.length);
  const duplicated = orders.filter((order) => order.duplicated);
  const latencies = activated
    .map((order) => Date.parse(order.activatedAt ?? "") - Date.parse(order.approvedAt ?? ""))
    .filter((ms) => Number.isFinite(ms))
    .sort((a, b) => a - b);
  const firstApproval = Math.min(...orders.map((order) => Date.parse(order.approvedAt ?? "")));
  const lastActivation = Math.max(...activated.map((order) => Date.parse(order.activatedAt ?? "")));
  const spanS = (lastActivation - firstApproval) / 1000;

  const [load1, load5] = os.loadavg();
  console.log("");
  console.log(
    `bench:fulfillment — mode ${mode}, ${approved.length} orders${killEveryS === null ? "" : `, SIGKILL every ${killEveryS} s`}, ${os.cpus().length} CPUs, load average ${f1(load1 ?? 0)} / ${f1(load5 ?? 0)} (1 / 5 min) at the end, ${f0((Date.now() - startedAt) / 1000)} s in all`,
  );
  console.log(
    `throughput: ${(activated.length / spanS).toFixed(2)} orders/s (${activated.length} activated in ${f1(spanS)} s from the first approval to the last activation)`,
  );
  console.log(
    `approval → Activated: p50 ${f0(quantile(latencies, 0.5))} ms, p99 ${f0(quantile(latencies, 0.99))} ms, max ${f0(latencies.at(-1) ?? Number.NaN)} ms`,
  );
  console.log(
    `BFF resident memory: peak ${f0(peakRss)} MiB, ${f0(endRss)} MiB at the end${killEveryS === null ? "" : " (of the last process)"}`,
  );
  if (killEveryS !== null) console.log(`kills: ${kills}`);
  console.log(
    `lost (approved, never Activated): ${lost}${failed.length > 0 ? ` (${failed.length} Failed)` : ""}; duplicated: ${duplicated.length}`,
  );
  for (const order of [...duplicated].slice(0, 5)) {
    console.log(`  duplicated: ${JSON.stringify(order)}`);
  }
  for (const order of orders
    .filter((candidate) => candidate.activationStatus !== "Activated")
    .slice(0, 5)) {
    console.log(`  not activated: ${order.orderId} (${order.activationStatus})`);
  }
  return lost > 0 || duplicated.length > 0 ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
} finally {
  for (const child of children) child.kill("SIGKILL");
  if (mode === "servers")
    await dropBenchDatabase(serverDatabaseUrl, BENCH_DATABASE).catch(() => undefined);
  if (exitCode === 0) await rm(DATA_DIR, { recursive: true, force: true }).catch(() => undefined);
}
process.exit(exitCode);
