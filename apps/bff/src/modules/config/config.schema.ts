import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/**
 * `"is required"` for an absent variable, zod's own message otherwise. Absent and empty are the
 * same thing here: an empty value in a `.env` file means "not set".
 */
const required = (iss: { input: unknown }) => (iss.input === undefined ? "is required" : undefined);

const text = () => z.string({ error: required }).trim().min(1, "must not be empty");

const url = () =>
  z
    .url({
      error: (iss) => required(iss) ?? "must be an absolute URL such as https://host.example",
    })
    .transform((value) => value.replace(/\/+$/, ""));

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: (iss) => required(iss) ?? "must be a whole number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const flag = () =>
  z
    .enum(["true", "false", "1", "0"], { error: (iss) => required(iss) ?? "must be true or false" })
    .transform((value) => value === "true" || value === "1");

/** Named address ranges Fastify's `trustProxy` (@fastify/proxy-addr) understands. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An IP address, or an IP/prefix-length CIDR block (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrCidr(value: string): boolean {
  const [address = "", prefix, ...rest] = value.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) {
    return false;
  }
  return (
    prefix === undefined ||
    (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128))
  );
}

/**
 * Which peers may set `X-Forwarded-For` (Fastify `trustProxy`, which decides `request.ip` — the key
 * of the auth rate limit): `true` (everyone — only behind a proxy that overwrites the header),
 * `false` (nobody), a hop count, or a comma-separated list of addresses, CIDRs and the names
 * `loopback`/`linklocal`/`uniquelocal`, returned as an array.
 * Source: Fastify docs "Server" → `trustProxy`; @fastify/proxy-addr `compile`.
 */
const trustProxy = () =>
  z
    .string()
    .trim()
    .transform((value, ctx): boolean | number | string[] => {
      if (value === "true" || value === "false") {
        return value === "true";
      }
      if (/^\d+$/.test(value)) {
        return Number(value);
      }
      const entries = value.split(",").map((entry) => entry.trim());
      const invalid = entries.filter(
        (entry) => !NAMED_RANGES.has(entry) && !isAddressOrCidr(entry),
      );
      if (invalid.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `must be true, false, a hop count or a comma-separated list of IPs, CIDRs and loopback/linklocal/uniquelocal (not ${invalid.map((entry) => JSON.stringify(entry)).join(", ")})`,
        });
        return z.NEVER;
      }
      return entries;
    });

/** An IANA time zone the runtime knows (`Asia/Tokyo`, `UTC`), checked with `Intl`. */
const timeZone = () =>
  text().refine(
    (value) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: value });
        return true;
      } catch {
        return false;
      }
    },
    { error: "must be an IANA time zone such as UTC or Asia/Tokyo" },
  );

/** Host names that stay on this machine. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether an upstream may be reached at `url`: over https, or over plain http only to this
 * machine (the sandbox) outside production — credentials and customer data never cross a network
 * in the clear.
 */
function isAllowedUpstreamUrl(url: string, production: boolean): boolean {
  const { protocol, hostname } = new URL(url);
  return (
    protocol === "https:" || (!production && protocol === "http:" && LOOPBACK_HOSTS.has(hostname))
  );
}

/**
 * The OWASP Password Storage Cheat Sheet minimum for argon2id (m = 19 MiB, t = 2, p = 1), which are
 * also @node-rs/argon2's defaults.
 */
const OWASP_ARGON2ID = { memoryKib: 19_456, iterations: 2 } as const;

/** A shared secret or signing key: at least 32 characters. */
const secret = () => text().min(32, "must be at least 32 characters");

/**
 * The TOTP secret box's keys (decision 0048): `<id>:<secret>` entries separated by commas, the
 * first sealing new secrets and every one opening what it sealed; an id is 1–16 lower-case
 * letters or digits, a secret at least 32 characters.
 */
const TOTP_KEY_ENTRY = /^([a-z0-9]{1,16}):(.{32,})$/;
const totpKeys = () =>
  text()
    .transform((value) => value.split(",").map((entry) => TOTP_KEY_ENTRY.exec(entry.trim())))
    .refine((entries) => entries.every((entry) => entry !== null), {
      message:
        "must be <id>:<secret> entries separated by commas (id: 1-16 lower-case letters or digits, secret: at least 32 characters)",
    })
    .transform((entries) =>
      entries.map((entry) => ({ id: entry?.[1] ?? "", secret: entry?.[2] ?? "" })),
    )
    .refine((keys) => new Set(keys.map((key) => key.id)).size === keys.length, {
      message: "names a key id twice",
    });

/**
 * A qualified-invoice issuer registration number (適格請求書発行事業者登録番号): `T` and 13 digits.
 * Source: 国税庁「インボイス制度の概要」(登録番号の構成).
 */
const registrationNumber = () =>
  text().regex(/^T\d{13}$/, "must be T followed by 13 digits, such as T1234567890123");

/**
 * The invoice issuer outside production, so the PDFs work out of the box; production must name
 * the real one (`INVOICE_ISSUER_NAME`, `INVOICE_ISSUER_REGISTRATION_NUMBER`).
 */
const DEV_INVOICE_ISSUER = {
  name: "Aozora Net株式会社",
  registrationNumber: "T1234567890123",
  address: "〒100-0005 東京都千代田区丸の内1-1-1",
  phone: "03-1234-5678",
} as const;

/**
 * Freebit outside production: the sandbox's stand-in on the shared port and the OEM credentials it
 * accepts (`DEV_FREEBIT_OEM` of @portal/sandbox, which the BFF does not import).
 */
const DEV_FREEBIT = {
  apiBaseUrl: "http://127.0.0.1:4010/freebit/emptool/api",
  oemId: "PORTALDEV",
  oemKey: "sandbox-oem-key",
  // The MVNO contract's identifiers registrations carry (PA02-01, PA05-41); the sandbox accepts any.
  masterAccount: "AAA0_00000000001",
  masterPassword: "sandbox-master-password",
  relationCode: "PORTALDEV",
  deliveryCode: "PORTALDEV",
} as const;

/**
 * The operators' bearer token outside production (`OPS_API_TOKEN`), so `npm run ops` works out of
 * the box against a local BFF; production refuses it and requires its own.
 */
export const DEV_OPS_API_TOKEN = "dev-ops-token-for-local-use-only-0000";

/** The sandbox's SMTP stand-in at its default port (SANDBOX_SMTP_PORT). */
const DEV_SMTP_URL = "smtp://127.0.0.1:4025";
/** The sender outside production. */
const DEV_MAIL_FROM = "Aozora Net <no-reply@portal.localhost>";

/**
 * The Salesforce Pub/Sub API topics the subscriber follows unless `SF_PUBSUB_TOPICS` says
 * otherwise: the fulfilment request platform event, Order changes (approval, cached orders) and
 * the catalog's objects (decisions 0063, 0065).
 */
const DEFAULT_PUBSUB_TOPICS = [
  "/event/Order_Fulfilment_Requested__e",
  "/data/OrderChangeEvent",
  "/data/Product2ChangeEvent",
  "/data/PricebookEntryChangeEvent",
] as const;

/** A Pub/Sub topic name: `/data/<Object>ChangeEvent`, `/data/<Name>__chn` or `/event/<Name>__e`. */
const PUBSUB_TOPIC = /^\/(?:data|event)\/[A-Za-z][A-Za-z0-9_]*$/;

/** A comma-separated list of Pub/Sub topic names, returned as an array without duplicates. */
const pubSubTopics = () =>
  text()
    .transform((value) => [...new Set(value.split(",").map((entry) => entry.trim()))])
    .refine((topics) => topics.every((topic) => PUBSUB_TOPIC.test(topic)), {
      message:
        "must be topic names separated by commas, such as /data/OrderChangeEvent,/event/Order_Fulfilment_Requested__e",
    });

/** `host:port`, as gRPC dials it (`api.pubsub.salesforce.com:7443`, `127.0.0.1:4043`). */
const hostAndPort = () =>
  text().regex(
    /^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/,
    "must be host:port, such as api.pubsub.salesforce.com:7443",
  );

/** Values people type when they mean "fill in later"; production refuses them. */
const PLACEHOLDER = /change.?me|example|placeholder|insecure|dev.?secret|test.?secret|^(.)\1+$/i;

/**
 * Every environment variable of the BFF (docs/architecture/wiring.md, "Environment variables").
 * Upstream variables have no defaults in any mode: the launcher and the tests pass the sandbox's.
 */
export const envSchema = z
  .object({
    NODE_ENV: z
      .enum(["development", "test", "production"], {
        error: "must be development, test or production",
      })
      .default("development"),
    BFF_HOST: text().default("127.0.0.1"),
    BFF_PORT: integer(0, 65_535).default(4000),
    HTTP_HEADERS_TIMEOUT_MS: integer(500, 120_000).default(10_000),
    HTTP_REQUEST_TIMEOUT_MS: integer(500, 600_000).default(30_000),
    HTTP_IDLE_TIMEOUT_MS: integer(500, 600_000).default(75_000),
    UPSTREAM_BUDGET_MS: integer(500, 120_000).default(10_000),
    PORTAL_DATA_DIR: text().default(".data"),
    // Embedded mode's database directory, `memory://` for none (decision 0045).
    PGLITE_DIR: text().optional(),
    // A migrated PGlite data directory dump (`dumpDataDir`, .tar) a new embedded database starts
    // from instead of running initdb: hosts that start many BFFs (the tests) build it once.
    PGLITE_TEMPLATE: text().optional(),
    DATABASE_URL: url().optional(),
    REDIS_URL: url().optional(),
    JWT_ACCESS_SECRET: secret(),
    TOTP_ENCRYPTION_KEY: totpKeys().optional(),
    COOKIE_SECURE: flag().optional(),
    PORTAL_PUBLIC_URL: url().default("http://localhost:3000"),
    AUTH_LOCKOUT_THRESHOLD: integer(1, 100).default(5),
    AUTH_LOCKOUT_MINUTES: integer(1, 24 * 60).default(15),
    AUTH_RATE_LIMIT_PER_MINUTE: integer(1, 100_000).default(30),
    AUTH_PASSWORD_FORGOT_PER_HOUR: integer(1, 100_000).default(10),
    AUTH_REFRESH_REUSE_INTERVAL_SECONDS: integer(0, 300).default(30),
    SIGNUP_CODE_RESEND_SECONDS: integer(0, 3600).default(60),
    SIGNUP_CODES_PER_ADDRESS_PER_HOUR: integer(1, 100_000).default(5),
    SIGNUP_CODES_PER_IP_PER_HOUR: integer(1, 100_000).default(20),
    // argon2id cost (decision 0045): the defaults are the OWASP minimum, which production refuses to
    // go below; the tests lower it to spend milliseconds, not a second, per hash on a loaded machine.
    PASSWORD_HASH_MEMORY_KIB: integer(8, 4 * 1024 * 1024).default(OWASP_ARGON2ID.memoryKib),
    PASSWORD_HASH_ITERATIONS: integer(1, 100).default(OWASP_ARGON2ID.iterations),
    WHMCS_BASE_URL: url(),
    WHMCS_API_IDENTIFIER: text(),
    WHMCS_API_SECRET: text(),
    WHMCS_API_ACCESS_KEY: text().optional(),
    WHMCS_WEBHOOK_SECRET: secret(),
    WHMCS_TIMEOUT_MS: integer(100, 120_000).default(4_000),
    WHMCS_CONCURRENCY: integer(1, 64).default(4),
    WHMCS_RATE_PER_SECOND: integer(1, 1000).default(10),
    WHMCS_READ_RETRIES: integer(0, 10).default(1),
    WHMCS_TIME_ZONE: timeZone().default("UTC"),
    WHMCS_CUSTOM_FIELD_LAST_NAME_KANA: integer(1, 2_147_483_647).optional(),
    WHMCS_CUSTOM_FIELD_FIRST_NAME_KANA: integer(1, 2_147_483_647).optional(),
    // Freebit (decision 0061): optional until SIM activation runs; the sandbox's outside production.
    FREEBIT_API_BASE_URL: url().optional(),
    FREEBIT_OEM_ID: text().optional(),
    FREEBIT_OEM_KEY: text().optional(),
    FREEBIT_MASTER_ACCOUNT: text().optional(),
    FREEBIT_MASTER_PASSWORD: text().optional(),
    FREEBIT_RELATION_CODE: text().optional(),
    FREEBIT_DELIVERY_CODE: text().optional(),
    FREEBIT_TIMEOUT_MS: integer(100, 120_000).default(4_000),
    FREEBIT_CONCURRENCY: integer(1, 64).default(2),
    FREEBIT_RATE_PER_SECOND: integer(1, 1000).default(5),
    FREEBIT_READ_RETRIES: integer(0, 10).default(1),
    SF_LOGIN_URL: url(),
    // The JWT `aud`: Salesforce's login server, not the org's My Domain, which many orgs refuse
    // (https://test.salesforce.com for sandbox orgs). Docs: README "Configuration".
    SF_JWT_AUDIENCE: url().default("https://login.salesforce.com"),
    SF_CLIENT_ID: text(),
    SF_USERNAME: text(),
    SF_PRIVATE_KEY_PATH: text(),
    SF_API_VERSION: z
      .string()
      .regex(/^\d{2,3}\.0$/, "must be a REST API version such as 62.0")
      .default("62.0"),
    SF_TIMEOUT_MS: integer(100, 120_000).default(4_000),
    SF_CONCURRENCY: integer(1, 64).default(4),
    SF_RATE_PER_SECOND: integer(1, 1000).default(10),
    SF_READ_RETRIES: integer(0, 10).default(1),
    // The lane of long-running calls (the order's composite create): a request waits for it, so
    // its timeout stays inside UPSTREAM_BUDGET_MS with room for checkout's reads (decision 0058).
    SF_LONG_RUNNING_TIMEOUT_MS: integer(100, 120_000).default(6_000),
    SF_LONG_RUNNING_CONCURRENCY: integer(1, 64).default(2),
    // The Pricebook2 whose active entries the catalog offers (decision 0051); the sandbox seeds "Portal".
    SF_PORTAL_PRICEBOOK_NAME: text().default("Portal"),
    // The Salesforce Pub/Sub API subscriber (decision 0065; docs/operations/sf-events.md). The
    // launcher turns it on against the sandbox's stand-in; elsewhere it is off until enabled.
    SF_PUBSUB_ENABLED: flag().optional(),
    SF_PUBSUB_ENDPOINT: hostAndPort().default("api.pubsub.salesforce.com:7443"),
    // A PEM CA to trust instead of the system roots (the sandbox's self-signed certificate).
    SF_PUBSUB_CA_PATH: text().optional(),
    SF_PUBSUB_TOPICS: pubSubTopics().default([...DEFAULT_PUBSUB_TOPICS]),
    // Events requested at a time per topic (flow control; Salesforce's cap is 100).
    SF_PUBSUB_BATCH_SIZE: integer(1, 100).default(100),
    // The subscriber's leader lease: a standby replica takes over within 1.25 × this (≤ 30 s).
    SF_PUBSUB_LEASE_SECONDS: integer(1, 24).default(20),
    WEBHOOK_REPLAY_WINDOW_SECONDS: integer(1, 3600).default(300),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
    PORTAL_SEED_DEMO: flag().optional(),
    TRUST_PROXY: trustProxy().default(["loopback"]),
    REDIS_KEY_PREFIX: z.string().default("portal:"),
    METRICS_TOKEN: secret().optional(),
    OPS_API_TOKEN: secret().optional(),
    VALIDATE_RESPONSES: flag().optional(),
    SMTP_URL: z
      .url({ error: (iss) => required(iss) ?? "must be an smtp:// or smtps:// URL" })
      .refine((value) => /^smtps?:\/\//.test(value), "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: text().optional(),
    MAIL_RETRY_DELAY_SECONDS: integer(1, 3600).default(30),
    FULFILMENT_LEASE_SECONDS: integer(5, 3600).default(120),
    // At most 8: each worker's fulfilment takes a connection of the BFF's pool of 10
    // (open-database.ts), which HTTP requests and the other jobs share.
    FULFILMENT_CONCURRENCY: integer(1, 8).optional(),
    FULFILMENT_RETRY_DELAY_SECONDS: integer(1, 3600).default(15),
    QUEUE_MAINTENANCE_INTERVAL_SECONDS: integer(1, 3600).default(30),
    INVOICE_ISSUER_NAME: text().optional(),
    INVOICE_ISSUER_REGISTRATION_NUMBER: registrationNumber().optional(),
    INVOICE_ISSUER_ADDRESS: text().optional(),
    INVOICE_ISSUER_PHONE: text().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["HTTP_HEADERS_TIMEOUT_MS"],
        message: "must not exceed HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)",
      });
    }
    for (const system of ["WHMCS", "SF"] as const) {
      const worstCaseMs = env[`${system}_TIMEOUT_MS`] * (1 + env[`${system}_READ_RETRIES`]);
      if (worstCaseMs > env.UPSTREAM_BUDGET_MS) {
        ctx.addIssue({
          code: "custom",
          path: [`${system}_TIMEOUT_MS`],
          message: `× (1 + ${system}_READ_RETRIES) = ${worstCaseMs} ms exceeds UPSTREAM_BUDGET_MS (${env.UPSTREAM_BUDGET_MS} ms): a read would be cut off by the request's budget before its last retry`,
        });
      }
    }
    if (env.SF_LONG_RUNNING_TIMEOUT_MS >= env.UPSTREAM_BUDGET_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["SF_LONG_RUNNING_TIMEOUT_MS"],
        message: `must be below UPSTREAM_BUDGET_MS (${env.UPSTREAM_BUDGET_MS} ms): an order's create would be cut off by the request's budget before its own timeout`,
      });
    }
    for (const name of ["WHMCS_BASE_URL", "SF_LOGIN_URL", "FREEBIT_API_BASE_URL"] as const) {
      const value = env[name];
      if (value !== undefined && !isAllowedUpstreamUrl(value, env.NODE_ENV === "production")) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message:
            env.NODE_ENV === "production"
              ? "must be an https:// URL in production"
              : "must be an https:// URL, or http:// to this machine (localhost, 127.0.0.1, [::1])",
        });
      }
    }
    if (env.NODE_ENV !== "production") {
      return;
    }
    if (
      env.PASSWORD_HASH_MEMORY_KIB < OWASP_ARGON2ID.memoryKib ||
      env.PASSWORD_HASH_ITERATIONS < OWASP_ARGON2ID.iterations
    ) {
      ctx.addIssue({
        code: "custom",
        path: [
          env.PASSWORD_HASH_MEMORY_KIB < OWASP_ARGON2ID.memoryKib
            ? "PASSWORD_HASH_MEMORY_KIB"
            : "PASSWORD_HASH_ITERATIONS",
        ],
        message: `is below the OWASP minimum for argon2id (m = ${OWASP_ARGON2ID.memoryKib} KiB, t = ${OWASP_ARGON2ID.iterations}), which production requires`,
      });
    }
    for (const name of ["JWT_ACCESS_SECRET", "WHMCS_WEBHOOK_SECRET", "WHMCS_API_SECRET"] as const) {
      if (PLACEHOLDER.test(env[name])) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message:
            "looks like a development placeholder; production needs a random secret (e.g. `openssl rand -base64 48`)",
        });
      }
    }
    // Activating a SIM names the MVNO contract: with Freebit configured, its identifiers too.
    if (env.FREEBIT_API_BASE_URL && env.FREEBIT_OEM_ID && env.FREEBIT_OEM_KEY) {
      for (const name of [
        "FREEBIT_MASTER_ACCOUNT",
        "FREEBIT_MASTER_PASSWORD",
        "FREEBIT_RELATION_CODE",
        "FREEBIT_DELIVERY_CODE",
      ] as const) {
        if (env[name] === undefined) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message:
              "is required in production with Freebit (SIM activations name the MVNO contract)",
          });
        }
      }
    }
    // The operators' endpoints retry provisioning: never behind a token anyone can read here.
    if (env.OPS_API_TOKEN === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["OPS_API_TOKEN"],
        message: "is required in production (it guards the operators' endpoints under /api/ops)",
      });
    } else if (env.OPS_API_TOKEN === DEV_OPS_API_TOKEN || PLACEHOLDER.test(env.OPS_API_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: ["OPS_API_TOKEN"],
        message:
          "looks like a development placeholder; production needs a random secret (e.g. `openssl rand -base64 48`)",
      });
    }
    // Without its own key, the TOTP box would follow JWT_ACCESS_SECRET: rotating that would
    // orphan every authenticator (decision 0048).
    if (env.TOTP_ENCRYPTION_KEY === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["TOTP_ENCRYPTION_KEY"],
        message: "is required in production (two-factor secrets are sealed with it)",
      });
    } else if (env.TOTP_ENCRYPTION_KEY.some((key) => PLACEHOLDER.test(key.secret))) {
      ctx.addIssue({
        code: "custom",
        path: ["TOTP_ENCRYPTION_KEY"],
        message:
          "looks like a development placeholder; production needs a random secret (e.g. `openssl rand -base64 48`)",
      });
    }
    // Mail must reach customers, from an address they recognise (decision 0027).
    for (const name of ["SMTP_URL", "MAIL_FROM"] as const) {
      if (env[name] === undefined) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: "is required in production (sign-up and account e-mail are sent through it)",
        });
      }
    }
    // The sandbox's field ids would write the readings into whatever fields carry them in a real
    // WHMCS (docs/setup/real-systems.md).
    for (const name of [
      "WHMCS_CUSTOM_FIELD_LAST_NAME_KANA",
      "WHMCS_CUSTOM_FIELD_FIRST_NAME_KANA",
    ] as const) {
      if (env[name] === undefined) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message:
            "is required in production (the id of the WHMCS client custom field that holds the katakana reading)",
        });
      }
    }
    // A qualified invoice without the issuer's real name and number is worthless (decision 0026).
    for (const name of ["INVOICE_ISSUER_NAME", "INVOICE_ISSUER_REGISTRATION_NUMBER"] as const) {
      if (env[name] === undefined) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: "is required in production (it is printed on every invoice PDF)",
        });
      }
    }
    const devSecretsDir = path.resolve(env.PORTAL_DATA_DIR, "secrets");
    if (path.resolve(env.SF_PRIVATE_KEY_PATH).startsWith(devSecretsDir + path.sep)) {
      ctx.addIssue({
        code: "custom",
        path: ["SF_PRIVATE_KEY_PATH"],
        message: `points at the generated development key in ${devSecretsDir}; production needs the connected app's own key`,
      });
    }
  })
  .transform((env) => {
    const production = env.NODE_ENV === "production";
    const dataDir = path.resolve(env.PORTAL_DATA_DIR);
    return {
      env: env.NODE_ENV,
      production,
      http: {
        host: env.BFF_HOST,
        port: env.BFF_PORT,
        trustProxy: env.TRUST_PROXY,
        publicUrl: env.PORTAL_PUBLIC_URL,
        headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
        requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
        idleTimeoutMs: env.HTTP_IDLE_TIMEOUT_MS,
        upstreamBudgetMs: env.UPSTREAM_BUDGET_MS,
      },
      dataDir,
      database: {
        url: env.DATABASE_URL ?? null,
        pgliteDir: env.PGLITE_DIR ?? path.join(dataDir, "bff", "pglite"),
        pgliteTemplate: env.PGLITE_TEMPLATE ?? null,
      },
      redis: { url: env.REDIS_URL ?? null, keyPrefix: env.REDIS_KEY_PREFIX },
      auth: {
        jwtAccessSecret: env.JWT_ACCESS_SECRET,
        totpKeys: env.TOTP_ENCRYPTION_KEY ?? null,
        cookieSecure: env.COOKIE_SECURE ?? production,
        lockoutThreshold: env.AUTH_LOCKOUT_THRESHOLD,
        lockoutMinutes: env.AUTH_LOCKOUT_MINUTES,
        rateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
        passwordForgotPerHour: env.AUTH_PASSWORD_FORGOT_PER_HOUR,
        refreshReuseIntervalSeconds: env.AUTH_REFRESH_REUSE_INTERVAL_SECONDS,
        signupCodeResendSeconds: env.SIGNUP_CODE_RESEND_SECONDS,
        signupCodesPerAddressPerHour: env.SIGNUP_CODES_PER_ADDRESS_PER_HOUR,
        signupCodesPerIpPerHour: env.SIGNUP_CODES_PER_IP_PER_HOUR,
        passwordHash: {
          memoryKib: env.PASSWORD_HASH_MEMORY_KIB,
          iterations: env.PASSWORD_HASH_ITERATIONS,
        },
      },
      whmcs: {
        baseUrl: env.WHMCS_BASE_URL,
        identifier: env.WHMCS_API_IDENTIFIER,
        secret: env.WHMCS_API_SECRET,
        accessKey: env.WHMCS_API_ACCESS_KEY ?? null,
        webhookSecret: env.WHMCS_WEBHOOK_SECRET,
        timeoutMs: env.WHMCS_TIMEOUT_MS,
        concurrency: env.WHMCS_CONCURRENCY,
        ratePerSecond: env.WHMCS_RATE_PER_SECOND,
        readRetries: env.WHMCS_READ_RETRIES,
        timeZone: env.WHMCS_TIME_ZONE,
        // Outside production the sandbox's client custom fields (apps/sandbox/src/whmcs/custom-fields/).
        customFields: {
          lastNameKana: env.WHMCS_CUSTOM_FIELD_LAST_NAME_KANA ?? 1,
          firstNameKana: env.WHMCS_CUSTOM_FIELD_FIRST_NAME_KANA ?? 2,
        },
      },
      // null in production without FREEBIT_API_BASE_URL / FREEBIT_OEM_ID / FREEBIT_OEM_KEY.
      freebit:
        production && !(env.FREEBIT_API_BASE_URL && env.FREEBIT_OEM_ID && env.FREEBIT_OEM_KEY)
          ? null
          : {
              baseUrl: env.FREEBIT_API_BASE_URL ?? DEV_FREEBIT.apiBaseUrl,
              oemId: env.FREEBIT_OEM_ID ?? DEV_FREEBIT.oemId,
              oemKey: env.FREEBIT_OEM_KEY ?? DEV_FREEBIT.oemKey,
              contract: {
                masterAccount: env.FREEBIT_MASTER_ACCOUNT ?? DEV_FREEBIT.masterAccount,
                masterPassword: env.FREEBIT_MASTER_PASSWORD ?? DEV_FREEBIT.masterPassword,
                relationCode: env.FREEBIT_RELATION_CODE ?? DEV_FREEBIT.relationCode,
                deliveryCode: env.FREEBIT_DELIVERY_CODE ?? DEV_FREEBIT.deliveryCode,
              },
              timeoutMs: env.FREEBIT_TIMEOUT_MS,
              concurrency: env.FREEBIT_CONCURRENCY,
              ratePerSecond: env.FREEBIT_RATE_PER_SECOND,
              readRetries: env.FREEBIT_READ_RETRIES,
            },
      salesforce: {
        loginUrl: env.SF_LOGIN_URL,
        jwtAudience: env.SF_JWT_AUDIENCE,
        clientId: env.SF_CLIENT_ID,
        username: env.SF_USERNAME,
        privateKeyPath: path.resolve(env.SF_PRIVATE_KEY_PATH),
        apiVersion: env.SF_API_VERSION,
        timeoutMs: env.SF_TIMEOUT_MS,
        concurrency: env.SF_CONCURRENCY,
        ratePerSecond: env.SF_RATE_PER_SECOND,
        readRetries: env.SF_READ_RETRIES,
        longRunning: {
          timeoutMs: env.SF_LONG_RUNNING_TIMEOUT_MS,
          concurrency: env.SF_LONG_RUNNING_CONCURRENCY,
        },
        portalPricebookName: env.SF_PORTAL_PRICEBOOK_NAME,
      },
      sfEvents: {
        enabled: env.SF_PUBSUB_ENABLED ?? false,
        endpoint: env.SF_PUBSUB_ENDPOINT,
        caCertificatePath:
          env.SF_PUBSUB_CA_PATH === undefined ? null : path.resolve(env.SF_PUBSUB_CA_PATH),
        topics: env.SF_PUBSUB_TOPICS,
        batchSize: env.SF_PUBSUB_BATCH_SIZE,
        leaseSeconds: env.SF_PUBSUB_LEASE_SECONDS,
      },
      webhooks: { replayWindowSeconds: env.WEBHOOK_REPLAY_WINDOW_SECONDS },
      metrics: { token: env.METRICS_TOKEN ?? null },
      // Outside production the development token (production requires its own, above).
      ops: { apiToken: env.OPS_API_TOKEN ?? DEV_OPS_API_TOKEN },
      // How long a fulfilment run (and its job) may go without a checkpoint before another process
      // takes it over: the time to recover an order from a process that died (decision 0069),
      // and how long its job waits before its first retry (each next one about twice as long);
      // and how many Orders each process fulfils at once (decision 0076): on PostgreSQL 8, as an
      // order mostly waits on the upstreams; embedded 1, as PGlite runs in the BFF's own thread on
      // one connection (several gave no gain in the benchmark).
      fulfilment: {
        leaseSeconds: env.FULFILMENT_LEASE_SECONDS,
        retryDelaySeconds: env.FULFILMENT_RETRY_DELAY_SECONDS,
        concurrency: env.FULFILMENT_CONCURRENCY ?? (env.DATABASE_URL ? 8 : 1),
      },
      // pg-boss maintenance (expiring the jobs of dead workers) runs this often.
      queue: { maintenanceIntervalSeconds: env.QUEUE_MAINTENANCE_INTERVAL_SECONDS },
      validateResponses: env.VALIDATE_RESPONSES ?? false,
      mail: {
        // Outside production: the sandbox's SMTP stand-in (its default port), so nothing leaves the machine.
        smtpUrl: env.SMTP_URL ?? DEV_SMTP_URL,
        from: env.MAIL_FROM ?? DEV_MAIL_FROM,
        retryDelaySeconds: env.MAIL_RETRY_DELAY_SECONDS,
      },
      invoiceIssuer: {
        name: env.INVOICE_ISSUER_NAME ?? DEV_INVOICE_ISSUER.name,
        registrationNumber:
          env.INVOICE_ISSUER_REGISTRATION_NUMBER ?? DEV_INVOICE_ISSUER.registrationNumber,
        address: env.INVOICE_ISSUER_ADDRESS ?? (production ? null : DEV_INVOICE_ISSUER.address),
        phone: env.INVOICE_ISSUER_PHONE ?? (production ? null : DEV_INVOICE_ISSUER.phone),
      },
      logLevel: env.LOG_LEVEL,
      seedDemo: env.PORTAL_SEED_DEMO ?? !production,
    };
  });

/** The BFF's validated configuration (times in ms or s as the names say). */
export type AppConfig = z.output<typeof envSchema>;
