import path from "node:path";
import { portFromEnv } from "./ports.mjs";
import { resolveDataDir } from "./paths.mjs";

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
 * @property {string} host  every process binds here (loopback)
 * @property {number} portalPort
 * @property {number} bffPort
 * @property {number} sandboxPort
 * @property {boolean} realUpstreams  `WHMCS_BASE_URL` and `SF_LOGIN_URL` are set: no sandbox
 * @property {boolean} production  `NODE_ENV=production`: the BFF refuses dev secrets
 */

/**
 * Reads ports, data folder and mode from the environment (names and defaults:
 * docs/architecture/wiring.md, "Ports" and "Environment variables").
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
  return {
    dataDir: resolveDataDir(env.PORTAL_DATA_DIR),
    host: "127.0.0.1",
    portalPort: portFromEnv("PORTAL_PORT", 3000),
    bffPort: portFromEnv("BFF_PORT", 4000),
    sandboxPort: portFromEnv("SANDBOX_PORT", 4010),
    realUpstreams: whmcs && salesforce,
    production: env.NODE_ENV === "production",
  };
}

/** @param {StackConfig} config */
export const portalUrl = (config) => `http://localhost:${config.portalPort}`;
/** @param {StackConfig} config */
export const bffUrl = (config) => `http://${config.host}:${config.bffPort}`;
/** @param {StackConfig} config */
export const sandboxUrl = (config) => `http://${config.host}:${config.sandboxPort}`;

/**
 * The sandbox's environment: its port and data folder, the credentials it accepts (the dev
 * secrets), where its WHMCS hook posts (the BFF) and where "Back to portal" leads.
 *
 * @param {StackConfig} config
 * @param {DevSecrets} secrets
 * @param {NodeJS.ProcessEnv} env  the launcher's environment, passed through
 * @returns {NodeJS.ProcessEnv}
 */
export function sandboxEnv(config, secrets, env) {
  return {
    ...env,
    SANDBOX_HOST: config.host,
    SANDBOX_PORT: String(config.sandboxPort),
    SANDBOX_PUBLIC_URL: sandboxUrl(config),
    SANDBOX_DATA_DIR: path.join(config.dataDir, "sandbox"),
    SANDBOX_WHMCS_IDENTIFIER: secrets.whmcsApiIdentifier,
    SANDBOX_WHMCS_SECRET: secrets.whmcsApiSecret,
    SANDBOX_SF_CLIENT_ID: secrets.sfClientId,
    SANDBOX_SF_USERNAME: secrets.sfUsername,
    SANDBOX_SF_CERT_PATH: secrets.sfCertificatePath,
    SANDBOX_WEBHOOK_URL: `${bffUrl(config)}/api/webhooks/whmcs`,
    SANDBOX_WEBHOOK_SECRET: secrets.whmcsWebhookSecret,
    SANDBOX_RETURN_URL: portalUrl(config),
  };
}

/**
 * The BFF's environment. With the sandbox, every upstream variable points at it with the dev
 * secrets (a user's own WHMCS_* / SF_* credentials could not match the sandbox's); with real
 * systems the user's variables pass through untouched and only the signing key for access
 * tokens falls back to the dev secret outside production. Everything else (`DATABASE_URL`,
 * `REDIS_URL`, `LOG_LEVEL`, tuning knobs) passes through from `env`.
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
    BFF_HOST: config.host,
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
    SF_CLIENT_ID: secrets.sfClientId,
    SF_USERNAME: secrets.sfUsername,
    SF_PRIVATE_KEY_PATH: secrets.sfPrivateKeyPath,
  };
}

/**
 * The portal's environment: `next start` serves the production build and proxies `/api/*` to
 * `BFF_URL` (docs/architecture/wiring.md, "Ports").
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
