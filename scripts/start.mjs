// `npm start`: builds what is out of date, then runs the sandbox (WHMCS + Salesforce stand-ins),
// the BFF and the portal in embedded mode, prints where to go, and stops them all on Ctrl-C.
// `npm run sandbox` (`--only=sandbox`) runs just the sandbox. Variables: .env.example; they are
// read from `.env` unless PORTAL_ENV_FILE says otherwise (scripts/launcher/env-file.mjs).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "./build.mjs";
import { printBox } from "./launcher/banner.mjs";
import { loadEnvFile } from "./launcher/env-file.mjs";
import { paint, tag } from "./launcher/output.mjs";
import { portalDir, portalServer, repoRoot } from "./launcher/paths.mjs";
import { assertPortFree } from "./launcher/ports.mjs";
import { waitForHttp } from "./launcher/readiness.mjs";
import {
  bffEnv,
  bffUrl,
  portalEnv,
  portalUrl,
  readStackConfig,
  sandboxEnv,
  sandboxUrl,
} from "./launcher/stack-env.mjs";
import { Supervisor } from "./launcher/supervisor.mjs";

/** How long each process gets to exit after SIGTERM before it is killed. */
const STOP_GRACE_MS = 10_000;
/** Generous: the first BFF start creates the PGlite database and runs migrations on a busy 2-core machine. */
const READY_TIMEOUT_MS = 180_000;

const startedAt = performance.now();
const prefix = tag("start", "blue");
/** Seconds since the launcher started, e.g. `"12.3 s"`. */
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`${prefix} ${paint("red", message)}`);
  process.exit(1);
}

const { values: flags } = parseArgs({ options: { only: { type: "string" } } });
if (flags.only !== undefined && flags.only !== "sandbox")
  fail(`--only=${flags.only}: only "sandbox" is supported.`);
const onlySandbox = flags.only === "sandbox";

/** @type {import("./launcher/stack-env.mjs").StackConfig} */
let config;
try {
  // A developer's own settings; variables already in the environment win over the file.
  const envFile = loadEnvFile();
  if (envFile) console.log(`${prefix} read ${path.relative(process.cwd(), envFile) || envFile}`);
  config = readStackConfig(process.env);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (config.production && !config.realUpstreams) {
  fail(
    "NODE_ENV=production needs the real systems (WHMCS_BASE_URL, SF_LOGIN_URL, ...): the sandbox and its dev secrets are for development only.",
  );
}
if (onlySandbox && config.realUpstreams)
  fail("npm run sandbox starts the stand-ins: unset WHMCS_BASE_URL and SF_LOGIN_URL.");

const runSandbox = !config.realUpstreams;
try {
  await Promise.all([
    runSandbox
      ? assertPortFree(config.sandboxHost, config.sandboxPort, "the sandbox", "SANDBOX_PORT")
      : undefined,
    runSandbox
      ? assertPortFree(
          config.sandboxHost,
          config.smtpPort,
          "the sandbox's SMTP",
          "SANDBOX_SMTP_PORT",
        )
      : undefined,
    runSandbox
      ? assertPortFree(
          config.sandboxHost,
          config.pubSubPort,
          "the sandbox's Pub/Sub API",
          "SANDBOX_PUBSUB_PORT",
        )
      : undefined,
    onlySandbox ? undefined : assertPortFree(config.bffHost, config.bffPort, "the BFF", "BFF_PORT"),
    onlySandbox
      ? undefined
      : assertPortFree(config.portalHost, config.portalPort, "the portal", "PORTAL_PORT"),
  ]);
  await build(onlySandbox ? { tsProject: "apps/sandbox", portal: false } : {});
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

/** @type {import("./launcher/stack-env.mjs").DevSecrets | undefined} */
let secrets;
if (!config.production) {
  /** @type {{ generateDevSecrets(dataDir: string): Promise<import("./launcher/stack-env.mjs").DevSecrets> }} */
  const sandboxModule = await import(
    pathToFileURL(path.join(repoRoot, "apps/sandbox/dist/index.js")).href
  );
  try {
    secrets = await sandboxModule.generateDevSecrets(config.dataDir);
  } catch (error) {
    // e.g. a truncated dev-secrets.json: the message names the file and the remedy.
    fail(error instanceof Error ? error.message : String(error));
  }
}

const stopping = new AbortController();
const supervisor = new Supervisor((name, reason) => {
  console.error(
    `${prefix} ${paint("red", `${name} stopped unexpectedly (${reason}); stopping the others.`)}`,
  );
  void shutdown(1);
});

/** @param {number} code  exit code of the launcher */
async function shutdown(code) {
  if (stopping.signal.aborted) return;
  stopping.abort(new Error("stopping"));
  console.log(`${prefix} stopping...`);
  await supervisor.stopAll(STOP_GRACE_MS);
  console.log(`${prefix} stopped`);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/**
 * The box's lines about WHMCS and Salesforce: the sandbox and its demo data, or the real systems.
 *
 * @returns {Array<string | [string, string]>}
 */
function upstreamLines() {
  if (!runSandbox)
    return [["Upstreams", `${process.env.WHMCS_BASE_URL}, ${process.env.SF_LOGIN_URL}`]];
  return [
    ["Sandbox console", config.sandboxPublicUrl],
    ["Mailbox", `${config.sandboxPublicUrl}/#mailbox`],
    "",
    ["Demo login", "demo@example.com / Demo1234!portal"],
    ["Sign up with", "customer number 100002 or 100003"],
  ];
}

/**
 * @param {import("./launcher/supervisor.mjs").ManagedProcess} managed
 * @param {string} url
 * @param {boolean} [anyStatus]
 */
const ready = (managed, url, anyStatus = false) =>
  waitForHttp(url, {
    timeoutMs: READY_TIMEOUT_MS,
    signal: AbortSignal.any([managed.exited, stopping.signal]),
    anyStatus,
  });

try {
  if (runSandbox && secrets) {
    const sandbox = supervisor.start(
      "sandbox",
      "magenta",
      path.join(repoRoot, "apps/sandbox/dist/main.js"),
      [],
      {
        cwd: repoRoot,
        env: sandboxEnv(config, secrets, process.env),
      },
    );
    await ready(sandbox, `${sandboxUrl(config)}/__control/calls`);
  }

  /** @type {Array<string | [string, string]>} */
  let box;
  if (onlySandbox) {
    box = [
      `The sandbox is ready in ${elapsed()}`,
      "",
      ["Console", config.sandboxPublicUrl],
      ["WHMCS API", `${sandboxUrl(config)}/whmcs/includes/api.php`],
      ["Salesforce", `${sandboxUrl(config)}/salesforce`],
      ["Pub/Sub API", `${config.sandboxHost}:${config.pubSubPort} (TLS)`],
      ["Control API", `${sandboxUrl(config)}/__control/...`],
      [
        "Credentials",
        path.join(path.relative(process.cwd(), config.dataDir) || ".", "secrets/dev-secrets.json"),
      ],
      ["Stop", "Ctrl-C"],
    ];
  } else {
    const bff = supervisor.start("bff", "cyan", path.join(repoRoot, "apps/bff/dist/main.js"), [], {
      cwd: repoRoot,
      env: bffEnv(config, secrets, process.env),
    });
    const portal = supervisor.start(
      "portal",
      "green",
      portalServer,
      ["--port", String(config.portalPort), "--hostname", config.portalHost],
      { cwd: portalDir, env: portalEnv(config, process.env) },
    );
    const [health] = await Promise.all([
      ready(bff, `${bffUrl(config)}/api/health`, true),
      ready(portal, `http://${config.portalHost}:${config.portalPort}/`),
    ]);
    if (health !== 200) {
      console.warn(
        `${prefix} ${paint("yellow", `GET /api/health answered ${health}: see the [bff] lines above.`)}`,
      );
    }
    const dataDir = path.relative(process.cwd(), config.dataDir) || config.dataDir;
    box = [
      `The customer portal is ready in ${elapsed()}`,
      "",
      ["Portal", portalUrl(config)],
      ["API", `http://localhost:${config.bffPort}/api/health`],
      ...upstreamLines(),
      ["State", `${dataDir}/ (npm run reset wipes it)`],
      ["Stop", "Ctrl-C"],
    ];
  }
  printBox(box);
} catch (error) {
  if (!stopping.signal.aborted) {
    console.error(
      `${prefix} ${paint("red", error instanceof Error ? error.message : String(error))}`,
    );
    await shutdown(1);
  }
}
