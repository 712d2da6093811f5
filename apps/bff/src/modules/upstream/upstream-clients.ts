import { type UpstreamObserver } from "@portal/integration-core";
import { loadPrivateKey, SalesforceClient } from "@portal/salesforce";
import { FreebitClient } from "@portal/freebit";
import { WhmcsClient } from "@portal/whmcs";
import { ConfigError } from "../config/config-error.js";
import { type AppConfig } from "../config/config.schema.js";
import { upstreamLogger } from "./upstream-logger.js";

/** The WHMCS client of the `WHMCS_*` settings, reporting every call to `observer`. */
export function createWhmcsClient({ whmcs }: AppConfig, observer: UpstreamObserver): WhmcsClient {
  return new WhmcsClient({
    baseUrl: whmcs.baseUrl,
    identifier: whmcs.identifier,
    secret: whmcs.secret,
    accessKey: whmcs.accessKey ?? undefined,
    timeoutMs: whmcs.timeoutMs,
    concurrency: whmcs.concurrency,
    ratePerSecond: whmcs.ratePerSecond,
    readRetries: whmcs.readRetries,
    timeZone: whmcs.timeZone,
    customFields: whmcs.customFields,
    logger: upstreamLogger("WhmcsClient"),
    observer,
  });
}

/**
 * The Salesforce client of the `SF_*` settings (JWT `aud` = `SF_JWT_AUDIENCE`), reporting every call
 * to `observer`.
 * @throws ConfigError when `SF_PRIVATE_KEY_PATH` is not a readable RSA private key.
 */
export async function createSalesforceClient(
  { salesforce }: AppConfig,
  observer: UpstreamObserver,
): Promise<SalesforceClient> {
  try {
    return new SalesforceClient({
      loginUrl: salesforce.loginUrl,
      audience: salesforce.jwtAudience,
      clientId: salesforce.clientId,
      username: salesforce.username,
      privateKeyPem: await loadPrivateKey(salesforce.privateKeyPath),
      apiVersion: salesforce.apiVersion,
      timeoutMs: salesforce.timeoutMs,
      concurrency: salesforce.concurrency,
      ratePerSecond: salesforce.ratePerSecond,
      readRetries: salesforce.readRetries,
      longRunning: salesforce.longRunning,
      logger: upstreamLogger("SalesforceClient"),
      observer,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([
      `SF_PRIVATE_KEY_PATH (${salesforce.privateKeyPath}) is not a readable RSA private key: ${reason}`,
    ]);
  }
}

/**
 * The Freebit client of the `FREEBIT_*` settings, reporting every call to `observer`; null when
 * Freebit is not configured (production without `FREEBIT_*`: SIM lines then fail to activate
 * with `FREEBIT_NOT_CONFIGURED`, docs/operations/provisioning-runbook.md).
 */
export function createFreebitClient(
  { freebit }: AppConfig,
  observer: UpstreamObserver,
): FreebitClient | null {
  if (!freebit) return null;
  return new FreebitClient({
    ...freebit,
    logger: upstreamLogger("FreebitClient"),
    observer,
  });
}
