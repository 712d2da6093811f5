// `npm run ops -- <command>`: the operators' commands (docs/operations/provisioning-runbook.md),
// calling the BFF's `/api/ops/*` endpoints with `Authorization: Bearer <OPS_API_TOKEN>`.
//   dlq list [--limit N] [--json]   dead-lettered fulfilment jobs, newest first
//   dlq show <id>                   one of them: payload, failure, the Order's run and checkpoints
//   dlq retry <id>                  fulfil its Order again and remove the dead letter
//   events replay <topic> <replayId> handle a Salesforce event topic again after that replay id
// Reads `.env` as `npm start` does. BFF_URL (default http://127.0.0.1:<BFF_PORT or 4000>) says
// where the BFF is; OPS_API_TOKEN defaults to the development token outside production.
import { loadEnvFile } from "./launcher/env-file.mjs";

/**
 * The BFF's development token (`DEV_OPS_API_TOKEN` in apps/bff/src/modules/config/config.schema.ts,
 * which production refuses); the ops test checks the two agree.
 */
const DEV_OPS_API_TOKEN = "dev-ops-token-for-local-use-only-0000";

const USAGE = `Usage: npm run ops -- <command>
  dlq list [--limit N] [--json]   dead-lettered fulfilment jobs, newest first
  dlq show <id>                   one job: payload, failure, the Order's run and checkpoints
  dlq retry <id>                  fulfil the job's Order again and remove the dead letter
  events replay <topic> <replayId>
                                  handle a Salesforce event topic again after that replay id
                                  (hex, as GET /api/health/sf-events shows it)`;

/** @param {string} message @param {number} [code] @returns {never} */
function fail(message, code = 1) {
  console.error(`ops: ${message}`);
  process.exit(code);
}

/** The BFF's base URL and the token, from the environment (and `.env`). */
function target() {
  try {
    loadEnvFile();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const url = (process.env.BFF_URL || `http://127.0.0.1:${process.env.BFF_PORT || 4000}`).replace(
    /\/+$/,
    "",
  );
  const token =
    process.env.OPS_API_TOKEN ||
    (process.env.NODE_ENV === "production" ? undefined : DEV_OPS_API_TOKEN);
  if (!token) fail("OPS_API_TOKEN is not set");
  return { url, token };
}

/**
 * Calls the BFF; answers other than 2xx end the process with the error envelope's code and message.
 * @param {"GET" | "POST"} method
 * @param {string} path
 * @param {unknown} [body]  sent as JSON
 * @returns {Promise<any>}
 */
async function call(method, path, body) {
  const { url, token } = target();
  let response;
  try {
    response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    fail(`cannot reach the BFF at ${url} (${error instanceof Error ? error.message : error})`);
  }
  const text = await response.text();
  /** @type {any} */
  let answer = null;
  try {
    answer = text === "" ? null : JSON.parse(text);
  } catch {
    fail(`the BFF answered ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const code = answer?.error?.code ?? "ERROR";
    const fields = answer?.error?.fields ? ` ${JSON.stringify(answer.error.fields)}` : "";
    fail(`${response.status} ${code}: ${answer?.error?.message ?? text}${fields}`);
  }
  return answer;
}

/** @param {string | undefined} id @returns {string} */
function requireId(id) {
  if (!id) fail(`a dead-letter id is required\n${USAGE}`, 2);
  return encodeURIComponent(id);
}

/** @param {string[]} args */
async function dlq([command, ...args]) {
  switch (command) {
    case "list": {
      const limitAt = args.indexOf("--limit");
      const limit = limitAt >= 0 ? args[limitAt + 1] : undefined;
      if (limit !== undefined && !/^\d+$/.test(limit)) fail("--limit takes a whole number", 2);
      const body = await call(
        "GET",
        `/api/ops/fulfilment/dead-letters${limit ? `?limit=${limit}` : ""}`,
      );
      if (args.includes("--json")) {
        console.log(JSON.stringify(body, null, 2));
        return;
      }
      if (body.items.length === 0) {
        console.log("No dead-lettered fulfilment jobs.");
        return;
      }
      for (const item of body.items) {
        const run = item.run
          ? `${item.run.status}${item.run.error ? ` — ${item.run.error}` : ""}`
          : "no run kept";
        console.log(`${item.id}  ${item.deadLetteredAt}  Order ${item.orderId ?? "?"}  ${run}`);
      }
      return;
    }
    case "show":
      console.log(
        JSON.stringify(
          await call("GET", `/api/ops/fulfilment/dead-letters/${requireId(args[0])}`),
          null,
          2,
        ),
      );
      return;
    case "retry": {
      const body = await call(
        "POST",
        `/api/ops/fulfilment/dead-letters/${requireId(args[0])}/retry`,
      );
      console.log(`Order ${body.orderId} queued for fulfilment again.`);
      return;
    }
    default:
      fail(`unknown dlq command ${command ?? "(none)"}\n${USAGE}`, 2);
  }
}

/** @param {string[]} args */
async function events([command, topic, replayId]) {
  if (command !== "replay") fail(`unknown events command ${command ?? "(none)"}\n${USAGE}`, 2);
  if (!topic || !replayId) fail(`a topic and a replay id are required\n${USAGE}`, 2);
  await call("POST", "/api/ops/sf-events/replay", { topic, replayId });
  console.log(
    `Replay of ${topic} after ${replayId} requested; the leading BFF applies it shortly.`,
  );
}

const [group, ...rest] = process.argv.slice(2);
switch (group) {
  case "dlq":
    await dlq(rest);
    break;
  case "events":
    await events(rest);
    break;
  case undefined:
  case "help":
  case "--help":
    console.log(USAGE);
    break;
  default:
    fail(`unknown command ${group}\n${USAGE}`, 2);
}
