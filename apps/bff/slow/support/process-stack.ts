import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateDevSecrets } from "@portal/sandbox";
import pg from "pg";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const SANDBOX_MAIN = path.join(repoRoot, "apps/sandbox/dist/main.js");
const BFF_MAIN = path.join(repoRoot, "apps/bff/dist/main.js");
/** How long a process may take to answer after it was started (a loaded 2-core machine). */
const READY_TIMEOUT_MS = 180_000;

/**
 * The fulfilment lease of the kill tests' BFF, in seconds (`FULFILMENT_LEASE_SECONDS`): short,
 * since each kill waits for it, but well above any one step against the local sandbox. The lease
 * moves on only at step checkpoints, so a step that outlasted it could be taken over while still
 * running — the lease must exceed the longest step (decision 0073).
 */
export const KILL_TEST_LEASE_SECONDS = 10;
/** The parts of `scripts/launcher/stack-env.mjs` used here (plain JavaScript, typed in JSDoc). */
interface StackEnvModule {
  readStackConfig(env: NodeJS.ProcessEnv): unknown;
  sandboxEnv(config: unknown, secrets: unknown, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  bffEnv(config: unknown, secrets: unknown, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  sandboxUrl(config: unknown): string;
  bffUrl(config: unknown): string;
}

/**
 * The sandbox and the BFF as `npm start` runs them — built code (`npm run build`), child
 * processes, the launcher's environment — on free ports with a data folder of their own; the BFF
 * can be SIGKILLed and started again. With `TEST_DATABASE_URL` the BFF uses a private database on
 * that server (dropped on close) and `TEST_REDIS_URL`; otherwise embedded PGlite.
 */
export interface ProcessStack {
  readonly sandboxUrl: string;
  readonly bffUrl: string;
  /** The last `lines` lines both processes wrote (for a failure's message). */
  logTail(lines?: number): Promise<string>;
  /** Starts the BFF and resolves once it answers `/api/health`. */
  startBff(): Promise<void>;
  /** SIGKILLs the BFF and resolves once it is gone. */
  killBff(): Promise<void>;
  close(): Promise<void>;
}

/** A port free right now on loopback (the OS picks it; another process could take it first). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no free port");
  return address.port;
}

/** Resolves once `url` answers (any status), rejects when `child` exits first or after the timeout. */
async function ready(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${url}: the process exited (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      await response.body?.cancel();
      return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within 180 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Starts the stack. Needs `npm run build` first.
 * @throws Error naming the missing build, or when a process does not come up.
 */
export async function startProcessStack(): Promise<ProcessStack> {
  for (const main of [SANDBOX_MAIN, BFF_MAIN]) {
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  }
  const launcher = (await import(
    pathToFileURL(path.join(repoRoot, "scripts/launcher/stack-env.mjs")).href
  )) as StackEnvModule;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-kill-"));
  const logFile = path.join(dataDir, "stack.log");
  const log = createWriteStream(logFile, { flags: "a" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORTAL_PORT: String(await freePort()),
    BFF_PORT: String(await freePort()),
    SANDBOX_PORT: String(await freePort()),
    SANDBOX_SMTP_PORT: String(await freePort()),
    SANDBOX_PUBSUB_PORT: String(await freePort()),
    PORTAL_DATA_DIR: dataDir,
    PORTAL_ENV_FILE: "none",
    SANDBOX_FREEBIT_ACTIVATION_DELAY_MS: "0",
    LOG_LEVEL: "warn",
    // A killed BFF's order is taken over once its run's lease (and its job's expiry) ran out,
    // maintenance noticed and the job's retry delay passed: short here, so each kill settles in
    // seconds, not minutes (by default the retry alone waits 15-30 s).
    FULFILMENT_LEASE_SECONDS:
      process.env.FULFILMENT_LEASE_SECONDS ?? String(KILL_TEST_LEASE_SECONDS),
    FULFILMENT_RETRY_DELAY_SECONDS: "1",
    QUEUE_MAINTENANCE_INTERVAL_SECONDS: "1",
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.NODE_OPTIONS;
  const database = `kill_test_${process.pid}`;
  const adminUrl = process.env.TEST_DATABASE_URL;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  if (adminUrl) {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  if (process.env.TEST_REDIS_URL) {
    env.REDIS_URL = process.env.TEST_REDIS_URL;
    env.REDIS_KEY_PREFIX = `kill-test:${process.pid}:`;
  }
  const config = launcher.readStackConfig(env);
  const secrets = await generateDevSecrets(dataDir);
  const children = new Set<ChildProcess>();
  const start = (main: string, childEnv: NodeJS.ProcessEnv): ChildProcess => {
    const child = spawn(process.execPath, [main], {
      cwd: repoRoot,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    children.add(child);
    child.once("exit", () => children.delete(child));
    return child;
  };
  const sandboxUrl = launcher.sandboxUrl(config);
  const bffUrl = launcher.bffUrl(config);
  const sandbox = start(SANDBOX_MAIN, launcher.sandboxEnv(config, secrets, env));
  await ready(sandbox, `${sandboxUrl}/__control/calls`);
  let bff: ChildProcess | null = null;

  return {
    sandboxUrl,
    bffUrl,
    async logTail(lines = 40) {
      const text = await readFile(logFile, "utf8").catch(() => "");
      return text.split("\n").slice(-lines).join("\n");
    },
    async startBff() {
      bff = start(BFF_MAIN, launcher.bffEnv(config, secrets, env));
      await ready(bff, `${bffUrl}/api/health`);
    },
    async killBff() {
      const child = bff;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      bff = null;
    },
    async close() {
      for (const child of children) child.kill("SIGKILL");
      if (adminUrl) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      log.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
