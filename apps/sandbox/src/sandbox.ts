import type { AddressInfo } from "node:net";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import Fastify from "fastify";
import { importX509 } from "jose";
import { pino, type Logger } from "pino";
import { CallCounter, type CallCounts } from "./calls/call-counter.js";
import { consolePlugin } from "./console/console-routes.js";
import { controlPlugin } from "./control/control-routes.js";
import { FaultRegistry } from "./faults/fault-registry.js";
import { SObjectRecords } from "./salesforce/model/sobject-records.js";
import { AccessTokens } from "./salesforce/oauth/access-tokens.js";
import { ORG_ID } from "./salesforce/org-identity.js";
import { salesforcePlugin } from "./salesforce/salesforce-plugin.js";
import { demoSeed } from "./seed/demo-seed.js";
import { utcDate, type Clock } from "./server/clock.js";
import { RequestHolds } from "./server/request-holds.js";
import type { SandboxServices } from "./server/sandbox-services.js";
import { StateStore } from "./state/state-store.js";
import { ClientSessions } from "./whmcs/client-area/client-sessions.js";
import { SsoTokens } from "./whmcs/client-area/sso-tokens.js";
import { InvoicePayments } from "./whmcs/payments/invoice-payments.js";
import { WebhookSender } from "./whmcs/webhook/webhook-sender.js";
import { whmcsPlugin } from "./whmcs/whmcs-plugin.js";

/** How to start the sandbox. */
export interface SandboxOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Port; default 0 (a free port, see `Sandbox.url`). */
  port?: number;
  /** Base URL clients use (SSO links, `instance_url`, JWT audience); default `http://<host>:<port>`. */
  publicUrl?: string;
  /** Directory of `state.json`; null keeps the state in memory only (tests). */
  dataDir: string | null;
  /** WHMCS API credentials the External API accepts. */
  whmcs: { identifier: string; secret: string };
  /** The connected app: consumer key (JWT `iss`), integration user (`sub`), certificate (PEM) verifying assertions. */
  salesforce: { clientId: string; username: string; certificatePem: string };
  /** Where the WHMCS hook posts (null = nowhere) and the shared HMAC secret. */
  webhook: { url: string | null; secret: string };
  /** Portal base URL for the client area's "Back to portal" link; default `http://localhost:3000`. */
  returnUrl?: string;
  /** The clock every date rule reads; default the system clock. */
  now?: () => Date;
  /** pino logger; false for silence; default a new pino logger at `info`. */
  logger?: Logger | false;
}

/** A running sandbox. */
export interface Sandbox {
  /** Base URL (`publicUrl`, or `http://<host>:<port>`), no trailing slash. */
  url: string;
  /** Stops listening, drops held requests and waits for the last state write. */
  close(): Promise<void>;
  /** Where the WHMCS hook posts from now on (null switches webhooks off). */
  setWebhookUrl(url: string | null): void;
  /** Calls received so far: WHMCS by action, Salesforce by `METHOD path-template`. */
  calls(): CallCounts;
  resetCalls(): void;
  /** Reseeds the demo data (seed date = today) and clears faults, counters, SSO tokens and sessions. */
  reset(): Promise<void>;
}

/**
 * Starts the WHMCS and Salesforce stand-ins, the control API and the operator console on one
 * Fastify server. State is loaded from `<dataDir>/state.json`, or seeded with the demo data.
 * Source: docs/architecture/wiring.md "Sandbox URLs", "Control API", "Demo data".
 * @throws Error when the certificate is not a PEM X.509 certificate with an RSA key, when the
 *   state file is invalid, or when the port cannot be bound.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const clock: Clock = options.now ?? (() => new Date());
  const logger =
    options.logger === false
      ? pino({ enabled: false })
      : (options.logger ?? pino({ name: "sandbox" }));
  const host = options.host ?? "127.0.0.1";
  const certificateKey = await importX509(options.salesforce.certificatePem, "RS256");
  const store = await StateStore.open(options.dataDir, () => demoSeed(utcDate(clock())));

  let publicUrl = options.publicUrl?.replace(/\/+$/, "") ?? "";
  const faults = new FaultRegistry();
  const calls = new CallCounter();
  const holds = new RequestHolds();
  const webhooks = new WebhookSender(options.webhook.url, options.webhook.secret, clock, logger);
  const ssoTokens = new SsoTokens(clock);
  const clientSessions = new ClientSessions();
  const reset = async (): Promise<void> => {
    await store.replace(demoSeed(utcDate(clock())));
    faults.clear();
    calls.reset();
    ssoTokens.clear();
    clientSessions.clear();
  };
  const services: SandboxServices = {
    store,
    clock,
    logger,
    faults,
    calls,
    holds,
    webhooks,
    payments: new InvoicePayments(store, clock, webhooks),
    ssoTokens,
    clientSessions,
    records: new SObjectRecords(store, clock),
    accessTokens: new AccessTokens(ORG_ID, clock),
    publicUrl: () => publicUrl,
    returnUrl: (options.returnUrl ?? "http://localhost:3000").replace(/\/+$/, ""),
    whmcsCredentials: options.whmcs,
    salesforceCredentials: {
      clientId: options.salesforce.clientId,
      username: options.salesforce.username,
      certificateKey,
    },
    reset,
  };

  const app = Fastify({
    loggerInstance: logger,
    // Held (timeout-fault) and keep-alive connections must not delay close().
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook("preClose", async () => holds.releaseAll());
  await app.register(formbody);
  await app.register(cookie);
  await app.register(whmcsPlugin, { prefix: "/whmcs", services });
  await app.register(salesforcePlugin, { prefix: "/salesforce", services });
  await app.register(controlPlugin, { prefix: "/__control", services });
  await app.register(consolePlugin, { services });

  await app.listen({ host, port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  if (publicUrl === "") publicUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url: publicUrl,
    close: async () => {
      await app.close();
      await store.flush();
    },
    setWebhookUrl: (url) => webhooks.setUrl(url),
    calls: () => calls.snapshot(),
    resetCalls: () => calls.reset(),
    reset,
  };
}
