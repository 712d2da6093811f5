// `npm run bench:api [-- --mode=embedded|servers] [--duration=10]`: the warm read path of the BFF
// against its limit (issue "foundations" §6). Builds what is out of date (not the portal), starts
// the sandbox and the BFF on their own ports with their own data folder (.data-bench-api; `.env`
// is ignored), signs in as the demo customer, warms the cache, then runs autocannon against
// `GET /api/invoices?page=1&pageSize=10`, `GET /api/me/summary` and `GET /api/health` at 10 and
// 50 connections — and the same against a bare Fastify server (bare-server.mjs) answering the
// very same bytes from memory. Prints req/s, p50 and p99 of both and their ratio, and the BFF's
// resident memory idle (after warm-up) and after the load, and the CPU time each server spent per
// request (µs cpu): on a shared machine the figure that moves least with the load of others.
// `--mode=servers` runs the BFF on the local PostgreSQL and Redis: BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres; a private database `bench_api` is created on that
// server and dropped afterwards) and BENCH_REDIS_URL (default redis://127.0.0.1:6379; keys under
// a private prefix, which expire on their own).
// `--port-base=P` (default 4400) moves the BFF to port P, the sandbox to P+10 (SMTP P+25, Pub/Sub
// P+43), the bare server to P+20, the data folder to `.data-bench-api-P` and, in servers mode, the
// database to `bench_api_P`, so that runs from two worktrees can share the machine and the servers.
// `--rounds=N` repeats the measured loads N times; `--node-flags="..."` adds Node options to the
// BFF's. After the table it prints where the BFF's memory is (scripts/bench/process-memory.mjs)
// idle and after each round: docs/operations/performance.md, "Memory under load".
// Targets (issue §6): ratio ≥ 0.25 and p99 ≤ 20 ms at 50 connections; idle RSS ≤ 200 MiB and flat.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "../build.mjs";
import { repoRoot } from "../launcher/paths.mjs";
import { waitForHttp } from "../launcher/readiness.mjs";
import { createBenchDatabase, dropBenchDatabase } from "./bench-database.mjs";
import { benchPorts } from "./bench-ports.mjs";
import { gcBetween, memoryBreakdown, memoryHeader, memoryRow } from "./process-memory.mjs";
import { bffEnv, bffUrl, readStackConfig, sandboxEnv, sandboxUrl } from "../launcher/stack-env.mjs";

const require = createRequire(import.meta.url);
/**
 * autocannon (no bundled types): runs `connections` keep-alive connections against `url` for
 * `duration` seconds and resolves with the aggregate.
 * @type {(options: { url: string, connections: number, duration: number, headers?: Record<string, string> }) =>
 *   Promise<{ requests: { average: number, total: number }, latency: { p50: number, p99: number }, non2xx: number, errors: number }>}
 */
const autocannon = require("autocannon");

const { values: flags } = parseArgs({
  options: {
    mode: { type: "string", default: "embedded" },
    duration: { type: "string", default: "10" },
    // Writes a V8 CPU profile of the BFF (open it in Chrome DevTools) into this folder.
    "cpu-prof": { type: "string" },
    // Only the routes containing this text (e.g. `--only=health`).
    only: { type: "string" },
    // Runs the measured loads this many times, the memory breakdown printed after each: a leak
    // keeps growing from round to round, a plateau does not.
    rounds: { type: "string", default: "1" },
    // More Node options for the BFF, after those of its environment (NODE_OPTIONS from bffEnv),
    // so they win: `--node-flags=--max-old-space-size=4096` runs it with Node's default ceiling
    // on this machine instead of decision 0078's.
    "node-flags": { type: "string", default: "" },
    "port-base": { type: "string", default: "4400" },
  },
});
if (flags.mode !== "embedded" && flags.mode !== "servers") {
  console.error(`--mode=${flags.mode}: use embedded or servers.`);
  process.exit(1);
}
const mode = flags.mode;
const duration = Number(flags.duration);
const rounds = Number(flags.rounds);
const { portBase, ports: PORTS } = benchPorts(flags["port-base"]);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`--rounds=${flags.rounds}: give a whole number above 0.`);
  process.exit(1);
}

const DATA_DIR = path.join(
  repoRoot,
  portBase === 4400 ? ".data-bench-api" : `.data-bench-api-${portBase}`,
);
const BARE_PORT = portBase + 20;
const READY_TIMEOUT_MS = 300_000;
const DEMO = { email: "demo@example.com", password: "Demo1234!portal" };
const ROUTES = ["/api/invoices?page=1&pageSize=10", "/api/me/summary", "/api/health"];
const CONNECTIONS = [10, 50];
/** Seconds of load per route before measuring. */
const WARM_UP_S = 2;
const BENCH_DATABASE = portBase === 4400 ? "bench_api" : `bench_api_${portBase}`;
const serverDatabaseUrl =
  process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const serverRedisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

/** @type {import("node:child_process").ChildProcess[]} */
const children = [];

/**
 * Starts `script` as a child process (its output to `logFile`), killed when the bench ends;
 * `nodeFlags` go to Node before the script (e.g. `--cpu-prof`).
 * @param {string} script @param {string[]} args @param {NodeJS.ProcessEnv} env @param {string} logFile
 * @param {string[]} [nodeFlags]
 */
function start(script, args, env, logFile, nodeFlags = []) {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  children.push(child);
  return child;
}

/** @param {import("node:child_process").ChildProcess} child @param {string} url */
async function ready(child, url) {
  const exited = new AbortController();
  child.once("exit", (code) => exited.abort(new Error(`${url}: process exited with ${code}`)));
  await waitForHttp(url, { timeoutMs: READY_TIMEOUT_MS, signal: exited.signal, anyStatus: true });
}

/**
 * CPU time (user + system) process `pid` has used so far, in ms (Linux /proc, 100 ticks a second).
 * Per request it is the figure that least depends on what else the machine is running.
 * @param {number | undefined} pid
 */
async function cpuMs(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The `name=value` pairs of a response's Set-Cookie headers. @param {Response} response */
const cookiesOf = (response) =>
  response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");

/**
 * Signs in as the demo customer like the portal does (CSRF token first).
 * @param {string} base  the BFF's URL
 * @returns {Promise<string>} the Cookie header of the signed-in browser
 */
async function signIn(base) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookies = cookiesOf(csrf);
  const token = csrfCookies.find((cookie) => cookie.startsWith("portal_csrf="))?.split("=")[1];
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-csrf-token": token ?? "",
      cookie: csrfCookies.join("; "),
    },
    body: JSON.stringify(DEMO),
  });
  if (login.status !== 200) {
    throw new Error(`login answered ${login.status}: ${await login.text()}`);
  }
  return [...csrfCookies, ...cookiesOf(login)].join("; ");
}

/**
 * Runs autocannon against `url`, served by process `pid`.
 * @param {string} url @param {number} connections @param {number | undefined} pid @param {string} [cookie]
 */
async function load(url, connections, pid, cookie) {
  const cpuBefore = await cpuMs(pid);
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: cookie ? { cookie } : {},
  });
  const cpu = (await cpuMs(pid)) - cpuBefore;
  return {
    cpuMs: cpu,
    requests: result.requests.total,
    cpuUs: (cpu * 1000) / Math.max(1, result.requests.total),
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors,
  };
}

const f0 = (/** @type {number} */ n) => n.toFixed(0);
const f1 = (/** @type {number} */ n) => n.toFixed(1);

async function main() {
  await build({ portal: false });
  await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(DATA_DIR, { recursive: true });

  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, ...PORTS, PORTAL_DATA_DIR: DATA_DIR, PORTAL_ENV_FILE: "none" };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (mode === "servers") {
    env.DATABASE_URL = await createBenchDatabase(serverDatabaseUrl, BENCH_DATABASE);
    env.REDIS_URL = serverRedisUrl;
    env.REDIS_KEY_PREFIX = `bench-api:${process.pid}:`;
  }
  const config = readStackConfig(env);
  /** @type {{ generateDevSecrets(dataDir: string): Promise<import("../launcher/stack-env.mjs").DevSecrets> }} */
  const sandboxModule = await import(
    pathToFileURL(path.join(repoRoot, "apps/sandbox/dist/index.js")).href
  );
  const secrets = await sandboxModule.generateDevSecrets(config.dataDir);

  const sandbox = start(
    path.join(repoRoot, "apps/sandbox/dist/main.js"),
    [],
    sandboxEnv(config, secrets, env),
    path.join(DATA_DIR, "sandbox.log"),
  );
  await ready(sandbox, `${sandboxUrl(config)}/__control/calls`);
  const bff = start(
    path.join(repoRoot, "apps/bff/dist/main.js"),
    [],
    bffEnv(config, secrets, env),
    path.join(DATA_DIR, "bff.log"),
    [
      ...(flags["cpu-prof"]
        ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(flags["cpu-prof"])}`]
        : []),
      ...flags["node-flags"].split(" ").filter(Boolean),
    ],
  );
  const base = bffUrl(config);
  await ready(bff, `${base}/api/health`);

  const cookie = await signIn(base);
  /** @type {Record<string, { contentType: string, body: string }>} */
  const bodies = {};
  for (const route of ROUTES) {
    for (let i = 0; i < 20; i += 1) {
      const response = await fetch(`${base}${route}`, { headers: { cookie } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${route} answered ${response.status}: ${body}`);
      bodies[route] = { contentType: response.headers.get("content-type") ?? "", body };
    }
  }
  const routesFile = path.join(DATA_DIR, "bare-routes.json");
  await writeFile(routesFile, JSON.stringify(bodies));
  const bare = start(
    path.join(repoRoot, "scripts/bench/bare-server.mjs"),
    [String(BARE_PORT), routesFile],
    process.env,
    path.join(DATA_DIR, "bare.log"),
  );
  await ready(bare, `http://127.0.0.1:${BARE_PORT}${ROUTES[2]}`);

  const idle = await memoryBreakdown(bff.pid, base);
  const memory = [{ label: "idle (before the load)", memory: idle }];
  // A short load per route first, so the measured runs see optimised code (V8 compiles hot
  // functions after thousands of calls, not after the 20 requests above).
  for (const route of ROUTES) {
    await autocannon({
      url: `${base}${route}`,
      connections: 10,
      duration: WARM_UP_S,
      headers: { cookie },
    });
  }
  const rows = [];
  let loaded = idle;
  for (let round = 1; round <= rounds; round += 1) {
    for (const route of ROUTES.filter((candidate) => candidate.includes(flags.only ?? ""))) {
      for (const connections of CONNECTIONS) {
        const bffResult = await load(`${base}${route}`, connections, bff.pid, cookie);
        const bareResult = await load(
          `http://127.0.0.1:${BARE_PORT}${route}`,
          connections,
          bare.pid,
        );
        rows.push({
          route,
          connections,
          bytes: Buffer.byteLength(bodies[route]?.body ?? ""),
          bff: bffResult,
          bare: bareResult,
        });
        console.log(
          `  ${route} × ${connections}: ${f0(bffResult.rps)} req/s (bare ${f0(bareResult.rps)})`,
        );
      }
    }
    loaded = await memoryBreakdown(bff.pid, base);
    memory.push({
      label: rounds === 1 ? "after the load" : `after round ${round}`,
      memory: loaded,
    });
  }
  const gc = gcBetween(idle, loaded);
  const idleRss = idle.rss;
  const loadedRss = loaded.rss;
  if (flags["cpu-prof"]) {
    // The profile is written when the BFF exits on a signal it handles (graceful shutdown).
    const exited = new Promise((resolve) => bff.once("exit", resolve));
    bff.kill("SIGINT");
    await exited;
    console.log(`CPU profile of the BFF written to ${path.resolve(flags["cpu-prof"])}`);
  }

  const [load1, load5] = os.loadavg();
  console.log("");
  console.log(
    `bench:api — mode ${mode}, ${duration} s per run, ${os.cpus().length} CPUs, load average ${f1(load1 ?? 0)} / ${f1(load5 ?? 0)} (1 / 5 min) at the end`,
  );
  console.log(
    "route                              conns   bytes |   BFF req/s   p50 ms   p99 ms  fail  µs cpu |  bare req/s   p50 ms   p99 ms  µs cpu | ratio",
  );
  for (const { route, connections, bytes, bff: b, bare: r } of rows) {
    console.log(
      `${route.padEnd(34)} ${String(connections).padStart(5)} ${String(bytes).padStart(7)} | ` +
        `${f0(b.rps).padStart(11)} ${String(b.p50).padStart(8)} ${String(b.p99).padStart(8)} ${String(b.failed).padStart(5)} ${f0(b.cpuUs).padStart(7)} | ` +
        `${f0(r.rps).padStart(11)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${f0(r.cpuUs).padStart(7)} | ${(b.rps / r.rps).toFixed(3)}`,
    );
  }
  const bffCpuMs = rows.reduce((sum, row) => sum + row.bff.cpuMs, 0);
  const bffRequests = rows.reduce((sum, row) => sum + row.bff.requests, 0);
  console.log(
    `BFF CPU over all the measured loads: ${f0((bffCpuMs * 1000) / Math.max(1, bffRequests))} µs per request (${bffRequests} requests); ` +
      `garbage collection from idle to the end: ${gc.majorGcs} full collections, ${f1(gc.gcSeconds)} s of pauses (${f1((gc.gcSeconds * 1e6) / Math.max(1, bffRequests))} µs per request)`,
  );
  console.log("");
  console.log(memoryHeader());
  for (const { label, memory: figures } of memory) console.log(memoryRow(label, figures));
  console.log(
    `BFF resident memory: ${f0(idleRss)} MiB idle (after start and warm-up), ${f0(loadedRss)} MiB after the load (${loadedRss >= idleRss ? "+" : ""}${f0(((loadedRss - idleRss) / idleRss) * 100)} %)`,
  );
  console.log("Targets: ratio ≥ 0.25 and p99 ≤ 20 ms at 50 connections; idle RSS ≤ 200 MiB, flat.");
}

try {
  await main();
} finally {
  for (const child of children) child.kill("SIGKILL");
  if (mode === "servers")
    await dropBenchDatabase(serverDatabaseUrl, BENCH_DATABASE).catch(() => undefined);
  await rm(DATA_DIR, { recursive: true, force: true }).catch(() => undefined);
}
