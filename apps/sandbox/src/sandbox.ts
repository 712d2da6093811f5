import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { importX509 } from "jose";
import { pino, type Logger } from "pino";
import { CallCounter, type CallCounts, type UpstreamSystem } from "./calls/call-counter.js";
import { consolePlugin } from "./console/console-routes.js";
import { controlPlugin } from "./control/control-routes.js";
import { FaultRegistry } from "./faults/fault-registry.js";
import { FreebitActivations } from "./freebit/activations/freebit-activations.js";
import { AuthKeys } from "./freebit/api/auth-keys.js";
import { freebitSeed } from "./freebit/seed/freebit-seed.js";
import { FREEBIT_STATE } from "./freebit/state/freebit-state.js";
import { Mailbox } from "./mail/mailbox.js";
import { startSmtpStandIn, type SmtpStandIn } from "./mail/smtp-stand-in.js";
import { SObjectRecords } from "./salesforce/model/sobject-records.js";
import { AccessTokens } from "./salesforce/oauth/access-tokens.js";
import { startPubSubStandIn, type PubSubStandIn } from "./salesforce/pubsub/pubsub-server.js";
import { generateTlsCertificate } from "./salesforce/pubsub/tls-certificate.js";
import { ORG_ID } from "./salesforce/org-identity.js";
import { salesforceSeed } from "./salesforce/seed/salesforce-seed.js";
import { SALESFORCE_STATE } from "./salesforce/state/salesforce-state.js";
import { utcDate, type Clock } from "./server/clock.js";
import { RequestHolds } from "./server/request-holds.js";
import type { SandboxServices } from "./server/sandbox-services.js";
import { STAND_INS } from "./stand-ins/registry.js";
import { LegacyState } from "./state/legacy-state.js";
import { VersionedStore } from "./state/versioned-store.js";
import { ClientSessions } from "./whmcs/client-area/client-sessions.js";
import { SsoTokens } from "./whmcs/client-area/sso-tokens.js";
import { ClientPayMethods } from "./whmcs/pay-methods/client-pay-methods.js";
import { InvoicePayments } from "./whmcs/payments/invoice-payments.js";
import { whmcsSeed } from "./whmcs/seed/whmcs-seed.js";
import { WHMCS_STATE, type WhmcsResponseMode } from "./whmcs/state/whmcs-state.js";
import { WebhookSender } from "./whmcs/webhook/webhook-sender.js";

/** Where the Pub/Sub stand-in's certificate is written in the data directory, for clients to trust. */
export const PUBSUB_CERTIFICATE_FILE = "pubsub-tls.crt";

/** Idle time before a Pub/Sub keep-alive: well inside Salesforce's 270 s (vendor-facts §1.5). */
const DEFAULT_KEEP_ALIVE_MS = 60_000;

/** How to start the sandbox. */
export interface SandboxOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Port of the shared server (console, control API, every stand-in under `/<system>`); default 0 (a free port). */
  port?: number;
  /**
   * Ports on which stand-ins also listen on their own, at `/` (0 = a free port): then their URLs
   * look like the real systems' (`Sandbox.urls`). Omitted = shared server only.
   */
  standInPorts?: Partial<Record<UpstreamSystem, number>>;
  /** Port of the SMTP stand-in (the mailbox); default 0 (a free port). */
  smtpPort?: number;
  /**
   * The Salesforce Pub/Sub API stand-in (gRPC over TLS): its port (default 0, a free port), how
   * long events are retained (default 72 h) and the idle time before a keep-alive (default 60 s).
   */
  pubSub?: { port?: number; retentionMs?: number; keepAliveMs?: number };
  /** Base URL clients use for the shared server (SSO links, `instance_url`, JWT audience); default `http://<host>:<port>`. */
  publicUrl?: string;
  /** Directory of the state files; null keeps the state in memory only (tests). */
  dataDir: string | null;
  /**
   * WHMCS API credentials the External API accepts, and how it encodes numbers: `current`
   * (default; JSON numbers and booleans as the current reference shows) or `legacy` (strings).
   */
  whmcs: { identifier: string; secret: string; responseMode?: WhmcsResponseMode };
  /** The connected app: consumer key (JWT `iss`), integration user (`sub`), certificate (PEM) verifying assertions. */
  salesforce: { clientId: string; username: string; certificatePem: string };
  /**
   * Freebit: the OEM credentials `authOem` accepts (default {@link DEV_FREEBIT_OEM}) and how long an
   * accepted activation takes to complete on its own, ms (default 3000; 0 = at once, for
   * benchmarks; null = only by hand from the console or control API).
   */
  freebit?: { oemId: string; oemKey: string; activationDelayMs?: number | null };
  /** Where the WHMCS hook posts (null = nowhere) and the shared HMAC secret. */
  webhook: { url: string | null; secret: string };
  /** Portal base URL for the client area's "Back to portal" link; default `http://localhost:3000`. */
  returnUrl?: string;
  /** The clock every date rule reads; default the system clock. */
  now?: () => Date;
  /** pino logger; false for silence; default a new pino logger at `info`. */
  logger?: Logger | false;
}

/**
 * The Freebit OEM credentials the sandbox accepts unless told otherwise — also the BFF's defaults
 * outside production (`FREEBIT_OEM_ID`, `FREEBIT_OEM_KEY`; docs/setup/real-systems.md).
 */
export const DEV_FREEBIT_OEM = { oemId: "PORTALDEV", oemKey: "sandbox-oem-key" } as const;

/** Default time an accepted Freebit activation takes to complete, ms. */
const DEFAULT_FREEBIT_ACTIVATION_DELAY_MS = 3_000;

/** A running sandbox. */
export interface Sandbox {
  /** Base URL of the shared server (`publicUrl`, or `http://<host>:<port>`), no trailing slash. */
  url: string;
  /**
   * Base URL of each stand-in as clients configure it (`WHMCS_BASE_URL`, `SF_LOGIN_URL`): its own
   * port's root when it has one, else `<url>/<system>`.
   */
  urls: Record<UpstreamSystem, string>;
  /** The SMTP stand-in as the BFF's `SMTP_URL` names it: `smtp://<host>:<port>`. */
  smtpUrl: string;
  /**
   * The Pub/Sub API stand-in: `endpoint` `host:port` (TLS) and the PEM of its self-signed
   * certificate, new at every start (also written to `<dataDir>/pubsub-tls.crt`).
   */
  pubSub: { endpoint: string; certificatePem: string };
  /** Stops listening, drops held requests and waits for the last state write. */
  close(): Promise<void>;
  /** Where the WHMCS hook posts from now on (null switches webhooks off). */
  setWebhookUrl(url: string | null): void;
  /** How the WHMCS External API encodes numbers and flags from now on. */
  setWhmcsResponseMode(mode: WhmcsResponseMode): void;
  /** Calls received so far: WHMCS by action, Salesforce by `METHOD path-template`. */
  calls(): CallCounts;
  resetCalls(): void;
  /** Reseeds the demo data (seed date = today) and clears faults, counters, SSO tokens and sessions. */
  reset(): Promise<void>;
}

/**
 * Starts every registered stand-in (WHMCS, Salesforce), the SMTP stand-in (mailbox), the
 * Salesforce Pub/Sub API stand-in (gRPC, TLS, its own port), the control API and the operator console
 * on one Fastify server, and each stand-in given a port in `standInPorts` on its own server too.
 * Each stand-in's state is loaded from its file in `dataDir` (upgraded from an older version,
 * including the former single `state.json`), or seeded with the demo data.
 * Source: docs/architecture/wiring.md "Sandbox URLs", "Control API", "Demo data";
 * docs/decisions/0019-sandbox-structure.md.
 * @throws Error when the certificate is not a PEM X.509 certificate with an RSA key, when a
 *   state file is invalid or newer than this code, or when a port cannot be bound.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const clock: Clock = options.now ?? (() => new Date());
  const logger =
    options.logger === false
      ? pino({ enabled: false })
      : (options.logger ?? pino({ name: "sandbox" }));
  const host = options.host ?? "127.0.0.1";
  const certificateKey = await importX509(options.salesforce.certificatePem, "RS256");
  const legacy = new LegacyState(options.dataDir);
  const today = utcDate(clock());
  const whmcsState = await VersionedStore.open(
    options.dataDir,
    WHMCS_STATE,
    () => whmcsSeed(today),
    () => legacy.part("whmcs"),
  );
  const salesforceState = await VersionedStore.open(
    options.dataDir,
    SALESFORCE_STATE,
    () => salesforceSeed(today),
    () => legacy.part("salesforce"),
  );
  const freebitState = await VersionedStore.open(options.dataDir, FREEBIT_STATE, () =>
    freebitSeed(today),
  );
  await legacy.retire();

  const urls: Record<UpstreamSystem, string> = { whmcs: "", salesforce: "", freebit: "" };
  let publicUrl = options.publicUrl?.replace(/\/+$/, "") ?? "";
  const faults = new FaultRegistry();
  const calls = new CallCounter();
  const holds = new RequestHolds();
  const webhooks = new WebhookSender(options.webhook.url, options.webhook.secret, clock, logger);
  const ssoTokens = new SsoTokens(clock);
  const clientSessions = new ClientSessions();
  const mailbox = new Mailbox();
  let smtp: SmtpStandIn | undefined;
  let pubSub: PubSubStandIn | undefined;
  let pubSubCertificatePem = "";
  // Assigned once `services` exists; the stand-ins' reseed needs it.
  let reseedAll: () => Promise<void> = async () => undefined;
  const reset = async (): Promise<void> => {
    await reseedAll();
    faults.clear();
    calls.reset();
    ssoTokens.clear();
    clientSessions.clear();
    mailbox.clear();
  };
  const services: SandboxServices = {
    whmcsState,
    salesforceState,
    freebitState,
    freebitActivations: new FreebitActivations(
      freebitState,
      clock,
      options.freebit?.activationDelayMs === undefined
        ? DEFAULT_FREEBIT_ACTIVATION_DELAY_MS
        : options.freebit.activationDelayMs,
    ),
    freebitAuthKeys: new AuthKeys(clock),
    freebitCredentials: {
      oemId: options.freebit?.oemId ?? DEV_FREEBIT_OEM.oemId,
      oemKey: options.freebit?.oemKey ?? DEV_FREEBIT_OEM.oemKey,
    },
    clock,
    logger,
    faults,
    calls,
    holds,
    webhooks,
    payments: new InvoicePayments(whmcsState, clock, webhooks),
    payMethods: new ClientPayMethods(whmcsState, clock, webhooks),
    ssoTokens,
    clientSessions,
    mailbox,
    smtpUrl: () => smtp?.url ?? "",
    records: new SObjectRecords(salesforceState, clock, options.pubSub?.retentionMs),
    accessTokens: new AccessTokens(ORG_ID, clock),
    urls: () => urls,
    whmcsResponseMode: { current: options.whmcs.responseMode ?? "current" },
    returnUrl: (options.returnUrl ?? "http://localhost:3000").replace(/\/+$/, ""),
    whmcsCredentials: { identifier: options.whmcs.identifier, secret: options.whmcs.secret },
    salesforceCredentials: {
      clientId: options.salesforce.clientId,
      username: options.salesforce.username,
      certificateKey,
    },
    reset,
  };
  reseedAll = async () => {
    const seedDate = utcDate(clock());
    for (const standIn of STAND_INS) await standIn.reseed(services, seedDate);
  };

  const servers: FastifyInstance[] = [];
  const newServer = async (): Promise<FastifyInstance> => {
    const app = Fastify({
      loggerInstance: logger as FastifyBaseLogger,
      // Held (timeout-fault) and keep-alive connections must not delay close().
      forceCloseConnections: true,
      routerOptions: { ignoreTrailingSlash: true },
    });
    app.addHook("preClose", async () => holds.releaseAll());
    await app.register(formbody);
    await app.register(cookie);
    servers.push(app);
    return app;
  };
  const listen = async (app: FastifyInstance, port: number): Promise<string> => {
    await app.listen({ host, port });
    const bound = (app.server.address() as AddressInfo).port;
    return `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
  };

  try {
    smtp = await startSmtpStandIn({
      host,
      port: options.smtpPort ?? 0,
      mailbox,
      clock,
      logger,
    });
    const certificate = await generateTlsCertificate(host);
    if (options.dataDir !== null) {
      await mkdir(options.dataDir, { recursive: true });
      await writeFile(
        path.join(options.dataDir, PUBSUB_CERTIFICATE_FILE),
        certificate.certificatePem,
      );
    }
    pubSub = await startPubSubStandIn({
      host,
      port: options.pubSub?.port ?? 0,
      certificate,
      dependencies: {
        records: services.records,
        tokens: services.accessTokens,
        clock,
        keepAliveMs: options.pubSub?.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS,
      },
      logger,
    });
    pubSubCertificatePem = certificate.certificatePem;
    const shared = await newServer();
    for (const standIn of STAND_INS) {
      const basePath = `/${standIn.system}`;
      await shared.register(
        async (scope) =>
          standIn.routes(scope, {
            services,
            basePath,
            baseUrl: () => `${publicUrl}${basePath}`,
          }),
        { prefix: basePath },
      );
    }
    await shared.register(controlPlugin, { prefix: "/__control", services });
    await shared.register(consolePlugin, { services });
    const sharedUrl = await listen(shared, options.port ?? 0);
    if (publicUrl === "") publicUrl = sharedUrl;
    for (const standIn of STAND_INS) urls[standIn.system] = `${publicUrl}/${standIn.system}`;

    for (const standIn of STAND_INS) {
      const port = options.standInPorts?.[standIn.system];
      if (port === undefined) continue;
      const own = await newServer();
      let ownUrl = "";
      await own.register(async (scope) =>
        standIn.routes(scope, { services, basePath: "", baseUrl: () => ownUrl }),
      );
      ownUrl = await listen(own, port);
      urls[standIn.system] = ownUrl;
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    await smtp?.close();
    await pubSub?.close();
    throw error;
  }
  const smtpStandIn = smtp;
  const pubSubStandIn = pubSub;

  return {
    url: publicUrl,
    urls,
    smtpUrl: smtpStandIn.url,
    pubSub: { endpoint: pubSubStandIn.endpoint, certificatePem: pubSubCertificatePem },
    close: async () => {
      await Promise.all([
        ...servers.map((server) => server.close()),
        smtpStandIn.close(),
        pubSubStandIn.close(),
      ]);
      await Promise.all([whmcsState.flush(), salesforceState.flush(), freebitState.flush()]);
    },
    setWebhookUrl: (url) => webhooks.setUrl(url),
    setWhmcsResponseMode: (mode) => {
      services.whmcsResponseMode.current = mode;
    },
    calls: () => calls.snapshot(),
    resetCalls: () => calls.reset(),
    reset,
  };
}
