import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { DEV_FREEBIT_OEM, type SandboxOptions } from "../sandbox.js";
import { generateDevSecrets } from "../secrets/dev-secrets.js";

/** Unset and empty are alike for every variable. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/**
 * The environment the sandbox reads. Source: docs/architecture/wiring.md "Environment
 * variables" (the sandbox paragraph). `SANDBOX_WEBHOOK_URL=off` switches webhooks off.
 */
const envSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "test", "production"])),
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])),
  PORTAL_DATA_DIR: optional(z.string()),
  SANDBOX_HOST: optional(z.string()),
  SANDBOX_PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  SANDBOX_PUBLIC_URL: optional(z.url()),
  SANDBOX_WHMCS_PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  SANDBOX_SALESFORCE_PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  SANDBOX_SMTP_PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  SANDBOX_FREEBIT_PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  SANDBOX_FREEBIT_OEM_ID: optional(z.string()),
  SANDBOX_FREEBIT_OEM_KEY: optional(z.string()),
  SANDBOX_FREEBIT_ACTIVATION_DELAY_MS: optional(
    z.union([z.literal("manual"), z.coerce.number().int().min(0).max(3_600_000)]),
  ),
  SANDBOX_PUBSUB_PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  SANDBOX_PUBSUB_RETENTION_HOURS: optional(z.coerce.number().positive().max(72)),
  SANDBOX_WHMCS_RESPONSE_MODE: optional(z.enum(["current", "legacy"])),
  SANDBOX_DATA_DIR: optional(z.string()),
  SANDBOX_WHMCS_IDENTIFIER: optional(z.string()),
  SANDBOX_WHMCS_SECRET: optional(z.string()),
  SANDBOX_SF_CLIENT_ID: optional(z.string()),
  SANDBOX_SF_USERNAME: optional(z.string()),
  SANDBOX_SF_CERT_PATH: optional(z.string()),
  SANDBOX_WEBHOOK_URL: optional(z.union([z.literal("off"), z.url()])),
  SANDBOX_WEBHOOK_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  SANDBOX_RETURN_URL: optional(z.url()),
});

/** The secret variables; in development the missing ones come from `generateDevSecrets`. */
const SECRET_VARIABLES = [
  "SANDBOX_WHMCS_IDENTIFIER",
  "SANDBOX_WHMCS_SECRET",
  "SANDBOX_SF_CLIENT_ID",
  "SANDBOX_SF_USERNAME",
  "SANDBOX_SF_CERT_PATH",
  "SANDBOX_WEBHOOK_SECRET",
] as const;

/** A configuration problem, with a message that names the variable. */
export class SandboxConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SandboxConfigError";
  }
}

/** Start options read from the environment, and the log level. */
export type SandboxConfig = Omit<SandboxOptions, "logger" | "now"> & { logLevel: string };

/**
 * Reads and validates the sandbox's environment. Defaults: host `127.0.0.1`, port 4010 (WHMCS,
 * Salesforce and Freebit also on their own ports only with `SANDBOX_WHMCS_PORT` /
 * `SANDBOX_SALESFORCE_PORT` / `SANDBOX_FREEBIT_PORT`), Freebit OEM credentials `DEV_FREEBIT_OEM`
 * and activations completing after 3 s (`SANDBOX_FREEBIT_ACTIVATION_DELAY_MS`, `0` at once,
 * `manual` by hand only), SMTP stand-in on 4025 (`SANDBOX_SMTP_PORT`), Salesforce Pub/Sub API
 * stand-in on 4043 (`SANDBOX_PUBSUB_PORT`) keeping events 72 hours
 * (`SANDBOX_PUBSUB_RETENTION_HOURS`, at most 72), WHMCS response mode `current`, data
 * directory `<PORTAL_DATA_DIR or .data>/sandbox`, webhook `http://127.0.0.1:4000/api/webhooks/whmcs`,
 * return URL `http://localhost:3000`. Outside production, missing secrets are taken from
 * `generateDevSecrets(<PORTAL_DATA_DIR or .data>)`.
 * @throws SandboxConfigError naming the malformed or missing variable.
 */
export async function loadSandboxConfig(env: NodeJS.ProcessEnv): Promise<SandboxConfig> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SandboxConfigError(
      `Invalid environment variable ${String(issue?.path[0] ?? "?")}: ${issue?.message ?? "invalid"}`,
    );
  }
  const vars = { ...parsed.data };
  const portalDataDir = vars.PORTAL_DATA_DIR ?? ".data";
  const missing = SECRET_VARIABLES.filter((name) => vars[name] === undefined);
  if (missing.length > 0) {
    if (vars.NODE_ENV === "production") {
      throw new SandboxConfigError(
        `Missing environment variable ${missing.join(", ")} (required when NODE_ENV=production)`,
      );
    }
    const dev = await generateDevSecrets(portalDataDir);
    vars.SANDBOX_WHMCS_IDENTIFIER ??= dev.whmcsApiIdentifier;
    vars.SANDBOX_WHMCS_SECRET ??= dev.whmcsApiSecret;
    vars.SANDBOX_SF_CLIENT_ID ??= dev.sfClientId;
    vars.SANDBOX_SF_USERNAME ??= dev.sfUsername;
    vars.SANDBOX_SF_CERT_PATH ??= dev.sfCertificatePath;
    vars.SANDBOX_WEBHOOK_SECRET ??= dev.whmcsWebhookSecret;
  }
  const certificatePath = required(vars.SANDBOX_SF_CERT_PATH, "SANDBOX_SF_CERT_PATH");
  const certificatePem = await readFile(certificatePath, "utf8").catch((error: unknown) => {
    throw new SandboxConfigError(
      `SANDBOX_SF_CERT_PATH: cannot read ${certificatePath} (${String(error)})`,
    );
  });
  const webhookUrl = vars.SANDBOX_WEBHOOK_URL ?? "http://127.0.0.1:4000/api/webhooks/whmcs";

  return {
    logLevel: vars.LOG_LEVEL ?? "info",
    host: vars.SANDBOX_HOST ?? "127.0.0.1",
    port: vars.SANDBOX_PORT ?? 4010,
    publicUrl: vars.SANDBOX_PUBLIC_URL,
    smtpPort: vars.SANDBOX_SMTP_PORT ?? 4025,
    pubSub: {
      port: vars.SANDBOX_PUBSUB_PORT ?? 4043,
      retentionMs: (vars.SANDBOX_PUBSUB_RETENTION_HOURS ?? 72) * 60 * 60 * 1000,
    },
    standInPorts: {
      ...(vars.SANDBOX_WHMCS_PORT === undefined ? {} : { whmcs: vars.SANDBOX_WHMCS_PORT }),
      ...(vars.SANDBOX_SALESFORCE_PORT === undefined
        ? {}
        : { salesforce: vars.SANDBOX_SALESFORCE_PORT }),
      ...(vars.SANDBOX_FREEBIT_PORT === undefined ? {} : { freebit: vars.SANDBOX_FREEBIT_PORT }),
    },
    freebit: {
      oemId: vars.SANDBOX_FREEBIT_OEM_ID ?? DEV_FREEBIT_OEM.oemId,
      oemKey: vars.SANDBOX_FREEBIT_OEM_KEY ?? DEV_FREEBIT_OEM.oemKey,
      ...(vars.SANDBOX_FREEBIT_ACTIVATION_DELAY_MS === undefined
        ? {}
        : {
            activationDelayMs:
              vars.SANDBOX_FREEBIT_ACTIVATION_DELAY_MS === "manual"
                ? null
                : vars.SANDBOX_FREEBIT_ACTIVATION_DELAY_MS,
          }),
    },
    dataDir: path.resolve(vars.SANDBOX_DATA_DIR ?? path.join(portalDataDir, "sandbox")),
    whmcs: {
      identifier: required(vars.SANDBOX_WHMCS_IDENTIFIER, "SANDBOX_WHMCS_IDENTIFIER"),
      secret: required(vars.SANDBOX_WHMCS_SECRET, "SANDBOX_WHMCS_SECRET"),
      responseMode: vars.SANDBOX_WHMCS_RESPONSE_MODE ?? "current",
    },
    salesforce: {
      clientId: required(vars.SANDBOX_SF_CLIENT_ID, "SANDBOX_SF_CLIENT_ID"),
      username: required(vars.SANDBOX_SF_USERNAME, "SANDBOX_SF_USERNAME"),
      certificatePem,
    },
    webhook: {
      url: webhookUrl === "off" ? null : webhookUrl,
      secret: required(vars.SANDBOX_WEBHOOK_SECRET, "SANDBOX_WEBHOOK_SECRET"),
    },
    returnUrl: vars.SANDBOX_RETURN_URL ?? "http://localhost:3000",
  };
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new SandboxConfigError(`Missing environment variable ${name}`);
  return value;
}
