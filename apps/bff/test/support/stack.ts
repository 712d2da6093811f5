import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type NestFastifyApplication } from "@nestjs/platform-fastify";
import { generateDevSecrets, startSandbox } from "@portal/sandbox";
import { inject } from "vitest";
import { createBffApp } from "../../src/index.js";
import { responseMismatches } from "../../src/modules/openapi/response-validation.js";
import { PortalClient } from "./portal-client.js";
import { SalesforceProbe } from "./salesforce-probe.js";
import { SandboxControl } from "./sandbox-control.js";
import { acquireServerResources, type ServerResources } from "./server-resources.js";
import { WhmcsProbe } from "./whmcs-probe.js";

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type DevSecrets = Awaited<ReturnType<typeof generateDevSecrets>>;

/** One sandbox plus one BFF listening on loopback, private to a test file. */
export interface Stack {
  bffUrl: string;
  /** The BFF itself, for tests that drive its services directly (`app.get(Service)`). */
  app: NestFastifyApplication;
  sandbox: Sandbox;
  /** The sandbox's `/__control/*` API: faults, counters, paying invoices, the mailbox (`mail(to)`). */
  control: SandboxControl;
  /** The sandbox's WHMCS External API, read with the test credentials. */
  whmcs: WhmcsProbe;
  /** The sandbox's Salesforce REST API, read through the JWT bearer flow. */
  salesforce: SalesforceProbe;
  secrets: DevSecrets;
  /**
   * The environment the BFF was started with: another `createBffApp(stack.bffEnv)` is a second
   * replica on the same database, cache store and sandbox (servers mode only shares them).
   */
  bffEnv: Record<string, string>;
  /** Every log line the BFF wrote so far (none unless LOG_LEVEL is overridden; default silent). */
  logLines: string[];
  /** A fresh signed-out browser on the BFF, reading sign-up codes from the sandbox's mailbox. */
  newClient(): PortalClient;
  close(): Promise<void>;
}

/**
 * Starts the sandbox (in-memory state, port 0) and the BFF wired to it exactly as
 * docs/architecture/wiring.md describes, with dev secrets generated in a temp dir.
 * `PORTAL_TEST_MODE=servers` puts the BFF on a fresh PostgreSQL database and a private Redis
 * key prefix; otherwise ("embedded") on an in-memory PGlite started from the run's migrated
 * template and the in-process cache. Dev secrets and the template come from global-setup.ts;
 * passwords are hashed at a test cost (argon2id all the same).
 * Every `/api` answer is checked against its route declaration (`VALIDATE_RESPONSES`): a body or
 * status that drifted from the OpenAPI document turns into a 500 naming the difference, and
 * `close()` then fails listing every such difference.
 * `overrides` replace any BFF environment variable.
 */
export async function startStack(overrides: Record<string, string> = {}): Promise<Stack> {
  const dataDir = await mkdtemp(join(tmpdir(), "portal-bff-test-"));
  const cleanups: (() => Promise<unknown>)[] = [
    () => rm(dataDir, { recursive: true, force: true }),
  ];
  let mismatches = (): readonly string[] => [];
  const close = async () => {
    const found = mismatches();
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
    if (found.length > 0) {
      throw new Error(`Answers that do not match their declaration:\n${found.join("\n")}`);
    }
  };

  try {
    // The run's dev secrets (global-setup.ts): generating an RSA key per file costs seconds.
    const secrets = await generateDevSecrets(inject("devSecretsDir"));
    const sandbox = await startSandbox({
      host: "127.0.0.1",
      port: 0,
      dataDir: null,
      whmcs: { identifier: secrets.whmcsApiIdentifier, secret: secrets.whmcsApiSecret },
      salesforce: {
        clientId: secrets.sfClientId,
        username: secrets.sfUsername,
        certificatePem: await readFile(secrets.sfCertificatePath, "utf8"),
      },
      webhook: { url: null, secret: secrets.whmcsWebhookSecret },
      logger: false,
    });
    cleanups.push(() => sandbox.close());

    let servers: ServerResources | undefined;
    if (process.env.PORTAL_TEST_MODE === "servers") {
      servers = await acquireServerResources();
      const release = servers.release;
      cleanups.push(() => release());
    }

    // The Pub/Sub stand-in's certificate, as the sandbox writes it into its data folder.
    const pubSubCaPath = join(dataDir, "pubsub-tls.crt");
    await writeFile(pubSubCaPath, sandbox.pubSub.certificatePem);

    const whmcsBaseUrl = `${sandbox.url}/whmcs`;
    const sfLoginUrl = `${sandbox.url}/salesforce`;
    const logLines: string[] = [];
    const bffEnv: Record<string, string> = {
      NODE_ENV: "test",
      PORTAL_DATA_DIR: dataDir,
      // Embedded: an in-memory database from the run's migrated template (global-setup.ts).
      PGLITE_DIR: "memory://",
      PGLITE_TEMPLATE: inject("pgliteTemplate"),
      // Milliseconds per hash instead of the OWASP cost; the hashes stay argon2id PHC strings.
      PASSWORD_HASH_MEMORY_KIB: "256",
      PASSWORD_HASH_ITERATIONS: "1",
      JWT_ACCESS_SECRET: secrets.jwtAccessSecret,
      WHMCS_BASE_URL: whmcsBaseUrl,
      WHMCS_API_IDENTIFIER: secrets.whmcsApiIdentifier,
      WHMCS_API_SECRET: secrets.whmcsApiSecret,
      WHMCS_WEBHOOK_SECRET: secrets.whmcsWebhookSecret,
      SF_LOGIN_URL: sfLoginUrl,
      FREEBIT_API_BASE_URL: `${sandbox.url}/freebit/emptool/api`,
      // The sandbox checks the audience as Salesforce does (apps/sandbox/src/salesforce/oauth/).
      SF_JWT_AUDIENCE: "https://login.salesforce.com",
      SF_CLIENT_ID: secrets.sfClientId,
      SF_USERNAME: secrets.sfUsername,
      SF_PRIVATE_KEY_PATH: secrets.sfPrivateKeyPath,
      PORTAL_SEED_DEMO: "true",
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
      AUTH_PASSWORD_FORGOT_PER_HOUR: "1000",
      // Tests ask for many sign-up codes from one address and IP; the limits have their own test.
      SIGNUP_CODE_RESEND_SECONDS: "0",
      SIGNUP_CODES_PER_ADDRESS_PER_HOUR: "1000",
      SIGNUP_CODES_PER_IP_PER_HOUR: "1000",
      WHMCS_TIMEOUT_MS: "2000",
      SF_TIMEOUT_MS: "2000",
      WHMCS_READ_RETRIES: "1",
      LOG_LEVEL: "silent",
      VALIDATE_RESPONSES: "true",
      SMTP_URL: sandbox.smtpUrl,
      // A refused message is retried within seconds, not half a minute.
      MAIL_RETRY_DELAY_SECONDS: "1",
      // The Pub/Sub stand-in; the subscriber stays off unless a test sets SF_PUBSUB_ENABLED.
      SF_PUBSUB_ENDPOINT: sandbox.pubSub.endpoint,
      SF_PUBSUB_CA_PATH: pubSubCaPath,
      ...servers?.env,
      ...overrides,
    };
    const app = await createBffApp(bffEnv, {
      logDestination: { write: (line: string) => void logLines.push(line) },
    });
    cleanups.push(() => app.close());
    mismatches = () => responseMismatches(app.getHttpAdapter().getInstance());
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.getHttpServer().address() as AddressInfo;
    const bffUrl = `http://127.0.0.1:${port}`;
    sandbox.setWebhookUrl(`${bffUrl}/api/webhooks/whmcs`);
    const control = new SandboxControl(sandbox.url);

    return {
      bffUrl,
      app,
      sandbox,
      control,
      whmcs: new WhmcsProbe(whmcsBaseUrl, secrets.whmcsApiIdentifier, secrets.whmcsApiSecret),
      salesforce: new SalesforceProbe(
        sfLoginUrl,
        secrets.sfClientId,
        secrets.sfUsername,
        secrets.sfPrivateKeyPath,
      ),
      secrets,
      bffEnv,
      logLines,
      newClient: () => new PortalClient(bffUrl, (to) => control.mail(to)),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
