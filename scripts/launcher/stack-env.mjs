import path from "node:path";
import { bffNodeOptions } from "./bff-node-options.mjs";
import { portFromEnv } from "./ports.mjs";
import { resolveDataDir, resolveSandboxDataDir } from "./paths.mjs";

/**
 * What `generateDevSecrets(dataDir)` of `@portal/sandbox` returns (docs/architecture/wiring.md,
 * "Dev secrets"): the credentials the sandbox accepts and the BFF presents.
 *
 * @typedef {object} DevSecrets
 * @property {string} jwtAccessSecret
 * @property {string} whmcsApiIdentifier
 * @property {string} whmcsApiSecret
 * @property {string} whmcsWebhookSecret
 * @property {string} sfClientId
 * @property {string} sfUsername
 * @property {string} sfPrivateKeyPath  PEM private key the BFF signs its JWT assertion with
 * @property {string} sfCertificatePath  PEM certificate the sandbox verifies it with
 */

/**
 * Where and how the stack runs, read once from the environment.
 *
 * @typedef {object} StackConfig
 * @property {string} dataDir  absolute `PORTAL_DATA_DIR`
 * @property {string} sandboxDataDir  absolute `SANDBOX_DATA_DIR`, default `<dataDir>/sandbox`
 * @property {string} portalHost  the portal binds here (loopback; not configurable)
 * @property {string} bffHost  `BFF_HOST`, default `127.0.0.1`
 * @property {string} sandboxHost  `SANDBOX_HOST`, default `127.0.0.1`
 * @property {number} portalPort
 * @property {number} bffPort
 * @property {number} sandboxPort
 * @property {number} smtpPort  `SANDBOX_SMTP_PORT`, default 4025: the sandbox's SMTP stand-in (mailbox)
 * @property {number} pubSubPort  `SANDBOX_PUBSUB_PORT`, default 4043: the sandbox's Salesforce Pub/Sub API stand-in (gRPC, TLS)
 * @property {string} sandboxPublicUrl  `SANDBOX_PUBLIC_URL`, default {@link sandboxUrl}
 * @property {boolean} realUpstreams  `WHMCS_BASE_URL` and `SF_LOGIN_URL` are set: no sandbox
 * @property {boolean} production  `NODE_ENV=production`: the BFF refuses dev secrets
 */

/** Every process binds loopback unless told otherwise (docs/architecture/wiring.md, "Ports"). */
const LOOPBACK = "127.0.0.1";

/**
 * Reads ports, listen addresses, data folders and mode from the environment (names and
 * defaults: docs/architecture/wiring.md, "Ports" and "Environment variables").
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {StackConfig}
 * @throws {Error} on a malformed port, or when only one of `WHMCS_BASE_URL` / `SF_LOGIN_URL` is set
 */
export function readStackConfig(env) {
  const whmcs = Boolean(env.WHMCS_BASE_URL);
  const salesforce = Boolean(env.SF_LOGIN_URL);
  if (whmcs !== salesforce) {
    throw new Error(
      `${whmcs ? "WHMCS_BASE_URL" : "SF_LOGIN_URL"} is set but ${whmcs ? "SF_LOGIN_URL" : "WHMCS_BASE_URL"} is not: ` +
        "set both to use the real systems (docs/setup/real-systems.md), or neither to use the sandbox.",
    );
  }
  const dataDir = resolveDataDir(env.PORTAL_DATA_DIR);
  const sandboxHost = env.SANDBOX_HOST || LOOPBACK;
  const sandboxPort = portFromEnv(env, "SANDBOX_PORT", 4010);
  return {
    dataDir,
    sandboxDataDir: resolveSandboxDataDir(env.SANDBOX_DATA_DIR, dataDir),
    portalHost: LOOPBACK,
    bffHost: env.BFF_HOST || LOOPBACK,
    sandboxHost,
    portalPort: portFromEnv(env, "PORTAL_PORT", 3000),
    bffPort: portFromEnv(env, "BFF_PORT", 4000),
    sandboxPort,
    smtpPort: portFromEnv(env, "SANDBOX_SMTP_PORT", 4025),
    pubSubPort: portFromEnv(env, "SANDBOX_PUBSUB_PORT", 4043),
    sandboxPublicUrl: env.SANDBOX_PUBLIC_URL || `http://${reachable(sandboxHost)}:${sandboxPort}`,
    realUpstreams: whmcs && salesforce,
    production: env.NODE_ENV === "production",
  };
}

/**
 * The host part of a URL that reaches a server bound to `bindHost` from this machine: a
 * wildcard address becomes loopback, an IPv6 literal gets its brackets.
 *
 * @param {string} bindHost  e.g. `127.0.0.1`, `0.0.0.0`, `::`, `localhost`
 * @returns {string}
 */
function reachable(bindHost) {
  if (bindHost === "0.0.0.0") return LOOPBACK;
  if (bindHost === "::") return "[::1]";
  return bindHost.includes(":") ? `[${bindHost}]` : bindHost;
}

/**
 * Where customers open the portal when `PORTAL_PUBLIC_URL` is not set.
 * @param {StackConfig} config
 */
export const portalUrl = (config) => `http://localhost:${config.portalPort}`;
/**
 * How the launcher and the portal's server reach the BFF.
 * @param {StackConfig} config
 */
export const bffUrl = (config) => `http://${reachable(config.bffHost)}:${config.bffPort}`;
/**
 * How the launcher and the BFF reach the sandbox.
 * @param {StackConfig} config
 */
export const sandboxUrl = (config) =>
  `http://${reachable(config.sandboxHost)}:${config.sandboxPort}`;

/**
 * The sandbox's environment: the credentials it accepts (always the dev secrets, which the BFF
 * presents too), and — unless the user set them — its listen address, public URL and data
 * folder, where its WHMCS hook posts (the BFF; `off` sends none) and where "Back to portal"
 * leads (`PORTAL_PUBLIC_URL`, else the local portal).
 *
 * @param {StackConfig} config
 * @param {DevSecrets} secrets
 * @param {NodeJS.ProcessEnv} env  the launcher's environment, passed through
 * @returns {NodeJS.ProcessEnv}
 */
export function sandboxEnv(config, secrets, env) {
  return {
    ...env,
    SANDBOX_HOST: config.sandboxHost,
    SANDBOX_PORT: String(config.sandboxPort),
    SANDBOX_SMTP_PORT: String(config.smtpPort),
    SANDBOX_PUBSUB_PORT: String(config.pubSubPort),
    SANDBOX_PUBLIC_URL: config.sandboxPublicUrl,
    SANDBOX_DATA_DIR: config.sandboxDataDir,
    SANDBOX_WHMCS_IDENTIFIER: secrets.whmcsApiIdentifier,
    SANDBOX_WHMCS_SECRET: secrets.whmcsApiSecret,
    SANDBOX_SF_CLIENT_ID: secrets.sfClientId,
    SANDBOX_SF_USERNAME: secrets.sfUsername,
    SANDBOX_SF_CERT_PATH: secrets.sfCertificatePath,
    SANDBOX_WEBHOOK_URL: env.SANDBOX_WEBHOOK_URL || `${bffUrl(config)}/api/webhooks/whmcs`,
    SANDBOX_WEBHOOK_SECRET: secrets.whmcsWebhookSecret,
    SANDBOX_RETURN_URL: env.SANDBOX_RETURN_URL || env.PORTAL_PUBLIC_URL || portalUrl(config),
  };
}

/**
 * The BFF's environment. With the sandbox, every upstream variable — `SMTP_URL` too, so no mail
 * leaves the machine, and the Pub/Sub API subscriber's `SF_PUBSUB_*` — points at it with the dev secrets (a user's own WHMCS_* / SF_* credentials could not match the sandbox's); with real
 * systems the user's variables pass through untouched and only the signing key for access
 * tokens falls back to the dev secret outside production. `NODE_OPTIONS` gains the BFF's heap
 * ceiling (bff-node-options.mjs, decision 0078) unless it sets one. Everything else
 * (`DATABASE_URL`, `REDIS_URL`, `LOG_LEVEL`, tuning knobs) passes through from `env`.
 *
 * @param {StackConfig} config
 * @param {DevSecrets | undefined} secrets  undefined in production
 * @param {NodeJS.ProcessEnv} env  the launcher's environment
 * @returns {NodeJS.ProcessEnv}
 */
export function bffEnv(config, secrets, env) {
  const common = {
    ...env,
    NODE_ENV: env.NODE_ENV || "development",
    NODE_OPTIONS: bffNodeOptions(env.NODE_OPTIONS),
    BFF_HOST: config.bffHost,
    BFF_PORT: String(config.bffPort),
    PORTAL_DATA_DIR: config.dataDir,
    PORTAL_PUBLIC_URL: env.PORTAL_PUBLIC_URL || portalUrl(config),
    ...(secrets && !env.JWT_ACCESS_SECRET ? { JWT_ACCESS_SECRET: secrets.jwtAccessSecret } : {}),
  };
  if (config.realUpstreams || !secrets) return common;
  return {
    ...common,
    WHMCS_BASE_URL: `${sandboxUrl(config)}/whmcs`,
    WHMCS_API_IDENTIFIER: secrets.whmcsApiIdentifier,
    WHMCS_API_SECRET: secrets.whmcsApiSecret,
    WHMCS_WEBHOOK_SECRET: secrets.whmcsWebhookSecret,
    SF_LOGIN_URL: `${sandboxUrl(config)}/salesforce`,
    // The sandbox's Freebit stand-in accepts its dev OEM credentials (the BFF's defaults).
    FREEBIT_API_BASE_URL: `${sandboxUrl(config)}/freebit/emptool/api`,
    // The sandbox checks the audience as Salesforce does: login.salesforce.com or test.salesforce.com.
    SF_JWT_AUDIENCE: "https://login.salesforce.com",
    SF_CLIENT_ID: secrets.sfClientId,
    SF_USERNAME: secrets.sfUsername,
    SF_PRIVATE_KEY_PATH: secrets.sfPrivateKeyPath,
    // The sandbox writes every WHMCS date and time in UTC.
    WHMCS_TIME_ZONE: "UTC",
    // Every message lands in the sandbox console's mailbox.
    SMTP_URL: `smtp://${reachable(config.sandboxHost)}:${config.smtpPort}`,
    // The subscriber hears the sandbox's Pub/Sub API stand-in, trusting the self-signed
    // certificate it writes at each start (decisions 0062, 0065).
    SF_PUBSUB_ENABLED: env.SF_PUBSUB_ENABLED || "true",
    SF_PUBSUB_ENDPOINT: `${reachable(config.sandboxHost)}:${config.pubSubPort}`,
    SF_PUBSUB_CA_PATH: path.join(config.sandboxDataDir, "pubsub-tls.crt"),
  };
}

/**
 * The portal's environment: its server (`apps/portal/server/main.mjs`) serves the production
 * build and proxies `/api/*` to `BFF_URL` (docs/architecture/wiring.md, "Ports").
 *
 * @param {StackConfig} config
 * @param {NodeJS.ProcessEnv} env  the launcher's environment
 * @returns {NodeJS.ProcessEnv}
 */
export function portalEnv(config, env) {
  return {
    ...env,
    NODE_ENV: "production",
    PORT: String(config.portalPort),
    BFF_URL: env.BFF_URL || bffUrl(config),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
