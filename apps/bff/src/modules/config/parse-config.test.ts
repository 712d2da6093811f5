import path from "node:path";
import { describe, expect, it } from "vitest";
import { MINIMAL_ENV } from "../../../test/support/minimal-env.js";
import { ConfigError } from "./config-error.js";
import { DEV_OPS_API_TOKEN } from "./config.schema.js";
import { parseConfig } from "./parse-config.js";

/** The issuer variables production requires (decision 0026). */
const PRODUCTION_ISSUER = {
  INVOICE_ISSUER_NAME: "Aozora Net株式会社",
  INVOICE_ISSUER_REGISTRATION_NUMBER: "T9876543210987",
} as const;

/** The mail variables production requires (decision 0027). */
const PRODUCTION_MAIL = {
  SMTP_URL: "smtps://mailer:secret@smtp.example.jp:465",
  MAIL_FROM: "Aozora Net <no-reply@example.jp>",
} as const;

const PRODUCTION_MAIL_CONFIG = {
  smtpUrl: PRODUCTION_MAIL.SMTP_URL,
  from: PRODUCTION_MAIL.MAIL_FROM,
};

/** The minimal variables as production needs them: upstreams over https, the issuer, SMTP. */
const PRODUCTION_ENV = {
  ...MINIMAL_ENV,
  ...PRODUCTION_ISSUER,
  ...PRODUCTION_MAIL,
  NODE_ENV: "production",
  WHMCS_BASE_URL: "https://billing.example.jp",
  SF_LOGIN_URL: "https://login.salesforce.com",
  TOTP_ENCRYPTION_KEY: "k1:q7Vt2mXw9LpR4sNc8HjZ3dFb6GyK1eAu",
  WHMCS_CUSTOM_FIELD_LAST_NAME_KANA: "14",
  WHMCS_CUSTOM_FIELD_FIRST_NAME_KANA: "15",
  OPS_API_TOKEN: "r8Jq2VxL5nWc9TzK3mHb7YpD1sGf4AeU",
};

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error("parseConfig accepted the environment");
}

describe("parseConfig", () => {
  it("applies the documented defaults of embedded mode", () => {
    const config = parseConfig(MINIMAL_ENV);

    expect(config.env).toBe("development");
    expect(config.http).toEqual({
      host: "127.0.0.1",
      port: 4000,
      trustProxy: ["loopback"],
      publicUrl: "http://localhost:3000",
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      idleTimeoutMs: 75_000,
      upstreamBudgetMs: 10_000,
    });
    expect(config.database).toEqual({
      url: null,
      pgliteDir: path.resolve(".data", "bff", "pglite"),
      pgliteTemplate: null,
    });
    expect(config.auth.passwordHash).toEqual({ memoryKib: 19_456, iterations: 2 });
    expect(config.redis).toEqual({ url: null, keyPrefix: "portal:" });
    expect(config.auth).toMatchObject({
      cookieSecure: false,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
      rateLimitPerMinute: 30,
      passwordForgotPerHour: 10,
    });
    expect(config.whmcs).toMatchObject({
      baseUrl: "http://127.0.0.1:4010/whmcs",
      accessKey: null,
      timeoutMs: 4_000,
      readRetries: 1,
      timeZone: "UTC",
    });
    expect(config.salesforce).toMatchObject({
      jwtAudience: "https://login.salesforce.com",
      apiVersion: "62.0",
      timeoutMs: 4_000,
      concurrency: 4,
    });
    expect(config.webhooks.replayWindowSeconds).toBe(300);
    expect(config.seedDemo).toBe(true);
  });

  it("refuses upstream URLs over plain http, except to this machine outside production", () => {
    expect(problemsOf({ ...MINIMAL_ENV, WHMCS_BASE_URL: "http://billing.example.jp" })).toEqual([
      expect.stringMatching(
        /^WHMCS_BASE_URL must be an https:\/\/ URL, or http:\/\/ to this machine/,
      ),
    ]);
    expect(
      problemsOf({ ...PRODUCTION_ENV, SF_LOGIN_URL: "http://127.0.0.1:4010/salesforce" }),
    ).toEqual(["SF_LOGIN_URL must be an https:// URL in production"]);
    expect(() => parseConfig(MINIMAL_ENV)).not.toThrow();
  });

  it("refuses client timeouts and retries that do not fit in the upstream budget", () => {
    expect(
      problemsOf({ ...MINIMAL_ENV, WHMCS_TIMEOUT_MS: "4000", WHMCS_READ_RETRIES: "2" }),
    ).toEqual([expect.stringMatching(/^WHMCS_TIMEOUT_MS .*12000 ms exceeds UPSTREAM_BUDGET_MS/)]);
    expect(
      problemsOf({ ...MINIMAL_ENV, SF_TIMEOUT_MS: "15000", UPSTREAM_BUDGET_MS: "20000" }),
    ).toEqual([expect.stringMatching(/^SF_TIMEOUT_MS .*30000 ms exceeds UPSTREAM_BUDGET_MS/)]);
    expect(() =>
      parseConfig({ ...MINIMAL_ENV, UPSTREAM_BUDGET_MS: "20000", SF_TIMEOUT_MS: "10000" }),
    ).not.toThrow();
  });

  it("names every missing variable in one error", () => {
    const { WHMCS_BASE_URL: _url, SF_CLIENT_ID: _client, ...rest } = MINIMAL_ENV;

    const problems = problemsOf(rest);

    expect(problems).toEqual(["WHMCS_BASE_URL is required", "SF_CLIENT_ID is required"]);
  });

  it("puts the variable names in the error message, and treats empty values as missing", () => {
    expect(() => parseConfig({ ...MINIMAL_ENV, JWT_ACCESS_SECRET: "" })).toThrow(
      /JWT_ACCESS_SECRET is required/,
    );
  });

  it("names malformed variables with what is wrong", () => {
    const problems = problemsOf({
      ...MINIMAL_ENV,
      BFF_PORT: "eighty",
      WHMCS_WEBHOOK_SECRET: "short",
      SF_LOGIN_URL: "login.salesforce.com",
      COOKIE_SECURE: "yes",
    });

    expect(problems).toEqual([
      "BFF_PORT must be a whole number",
      "COOKIE_SECURE must be true or false",
      "WHMCS_WEBHOOK_SECRET must be at least 32 characters",
      "SF_LOGIN_URL must be an absolute URL such as https://host.example",
    ]);
  });

  it("reads SF_JWT_AUDIENCE apart from the login URL (sandbox orgs: test.salesforce.com)", () => {
    const config = parseConfig({
      ...MINIMAL_ENV,
      SF_LOGIN_URL: "https://example--uat.sandbox.my.salesforce.com",
      SF_JWT_AUDIENCE: "https://test.salesforce.com/",
    });

    expect(config.salesforce.loginUrl).toBe("https://example--uat.sandbox.my.salesforce.com");
    expect(config.salesforce.jwtAudience).toBe("https://test.salesforce.com");
    expect(problemsOf({ ...MINIMAL_ENV, SF_JWT_AUDIENCE: "test.salesforce.com" })).toEqual([
      "SF_JWT_AUDIENCE must be an absolute URL such as https://host.example",
    ]);
  });

  it("reads tuning values and TRUST_PROXY forms", () => {
    const config = parseConfig({
      ...MINIMAL_ENV,
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
      TRUST_PROXY: "1",
      REDIS_URL: "redis://127.0.0.1:6379",
    });

    expect(config.auth.rateLimitPerMinute).toBe(1000);
    expect(config.http.trustProxy).toBe(1);
    expect(config.redis.url).toBe("redis://127.0.0.1:6379");
    expect(parseConfig({ ...MINIMAL_ENV, TRUST_PROXY: "false" }).http.trustProxy).toBe(false);
    expect(parseConfig({ ...MINIMAL_ENV, TRUST_PROXY: "true" }).http.trustProxy).toBe(true);
    expect(
      parseConfig({ ...MINIMAL_ENV, TRUST_PROXY: "loopback, 10.0.0.0/8,fd00::/8, 192.0.2.7" }).http
        .trustProxy,
    ).toEqual(["loopback", "10.0.0.0/8", "fd00::/8", "192.0.2.7"]);
  });

  it("trusts X-Forwarded-For only from loopback unless TRUST_PROXY says otherwise", () => {
    // Trusting every peer would let any client pick its own rate-limit key with a forged header.
    expect(parseConfig(MINIMAL_ENV).http.trustProxy).toEqual(["loopback"]);
    expect(parseConfig(PRODUCTION_ENV).http.trustProxy).toEqual(["loopback"]);
  });

  it("refuses TRUST_PROXY entries that are neither addresses, CIDRs nor range names", () => {
    expect(
      problemsOf({ ...MINIMAL_ENV, TRUST_PROXY: "loopback,proxy.internal,10.0.0.0/33" }),
    ).toEqual([
      'TRUST_PROXY must be true, false, a hop count or a comma-separated list of IPs, CIDRs and loopback/linklocal/uniquelocal (not "proxy.internal", "10.0.0.0/33")',
    ]);
  });

  it("reads WHMCS_TIME_ZONE as an IANA zone", () => {
    expect(parseConfig({ ...MINIMAL_ENV, WHMCS_TIME_ZONE: "Asia/Tokyo" }).whmcs.timeZone).toBe(
      "Asia/Tokyo",
    );
    expect(problemsOf({ ...MINIMAL_ENV, WHMCS_TIME_ZONE: "Tokyo" })).toEqual([
      "WHMCS_TIME_ZONE must be an IANA time zone such as UTC or Asia/Tokyo",
    ]);
  });

  it("switches production defaults: secure cookies, no demo user", () => {
    const config = parseConfig(PRODUCTION_ENV);

    expect(config.production).toBe(true);
    expect(config.auth.cookieSecure).toBe(true);
    expect(config.seedDemo).toBe(false);
  });

  it("refuses placeholder secrets and the generated development key in production", () => {
    const problems = problemsOf({
      ...PRODUCTION_ENV,
      PORTAL_DATA_DIR: "/srv/portal",
      JWT_ACCESS_SECRET: "change-me-change-me-change-me-change-me",
      SF_PRIVATE_KEY_PATH: "/srv/portal/secrets/sf-jwt.key",
    });

    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^JWT_ACCESS_SECRET looks like a development placeholder/);
    expect(problems[1]).toMatch(/^SF_PRIVATE_KEY_PATH points at the generated development key/);
  });

  it("requires the upstream variables in production too", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual(
      expect.arrayContaining([
        "WHMCS_BASE_URL is required",
        "SF_PRIVATE_KEY_PATH is required",
        "JWT_ACCESS_SECRET is required",
      ]),
    );
  });

  it("reads TOTP_ENCRYPTION_KEY as key ids and secrets, the first sealing; required in production", () => {
    expect(
      parseConfig({
        ...MINIMAL_ENV,
        TOTP_ENCRYPTION_KEY: `k2:${"b".repeat(32)}, k1:${"a".repeat(32)}`,
      }).auth.totpKeys,
    ).toEqual([
      { id: "k2", secret: "b".repeat(32) },
      { id: "k1", secret: "a".repeat(32) },
    ]);
    expect(parseConfig(MINIMAL_ENV).auth.totpKeys).toBeNull();
    expect(problemsOf({ ...MINIMAL_ENV, TOTP_ENCRYPTION_KEY: "k1:short" })).toEqual([
      expect.stringMatching(/^TOTP_ENCRYPTION_KEY must be <id>:<secret> entries/),
    ]);
    expect(
      problemsOf({
        ...MINIMAL_ENV,
        TOTP_ENCRYPTION_KEY: `k1:${"a".repeat(32)},k1:${"b".repeat(32)}`,
      }),
    ).toEqual(["TOTP_ENCRYPTION_KEY names a key id twice"]);
    const { TOTP_ENCRYPTION_KEY: _key, ...withoutKey } = PRODUCTION_ENV;
    expect(problemsOf(withoutKey)).toEqual([
      "TOTP_ENCRYPTION_KEY is required in production (two-factor secrets are sealed with it)",
    ]);
  });

  it("names the MVNO contract on Freebit registrations: the sandbox's outside production, required with Freebit in production", () => {
    expect(parseConfig(MINIMAL_ENV).freebit?.contract).toEqual({
      masterAccount: "AAA0_00000000001",
      masterPassword: "sandbox-master-password",
      relationCode: "PORTALDEV",
      deliveryCode: "PORTALDEV",
    });
    const freebit = {
      FREEBIT_API_BASE_URL: "https://i1.mvno.example.jp/emptool/api",
      FREEBIT_OEM_ID: "OEM1",
      FREEBIT_OEM_KEY: "oem-key",
    };
    expect(parseConfig(PRODUCTION_ENV).freebit).toBeNull();
    expect(problemsOf({ ...PRODUCTION_ENV, ...freebit, FREEBIT_RELATION_CODE: "R1" })).toEqual([
      "FREEBIT_MASTER_ACCOUNT is required in production with Freebit (SIM activations name the MVNO contract)",
      "FREEBIT_MASTER_PASSWORD is required in production with Freebit (SIM activations name the MVNO contract)",
      "FREEBIT_DELIVERY_CODE is required in production with Freebit (SIM activations name the MVNO contract)",
    ]);
  });

  it("guards /api/ops with OPS_API_TOKEN: a development token outside production, its own required in production", () => {
    expect(parseConfig(MINIMAL_ENV).ops.apiToken).toBe(DEV_OPS_API_TOKEN);
    expect(parseConfig(PRODUCTION_ENV).ops.apiToken).toBe(PRODUCTION_ENV.OPS_API_TOKEN);
    const { OPS_API_TOKEN: _token, ...withoutToken } = PRODUCTION_ENV;
    expect(problemsOf(withoutToken)).toEqual([
      "OPS_API_TOKEN is required in production (it guards the operators' endpoints under /api/ops)",
    ]);
    expect(problemsOf({ ...PRODUCTION_ENV, OPS_API_TOKEN: DEV_OPS_API_TOKEN })).toEqual([
      "OPS_API_TOKEN looks like a development placeholder; production needs a random secret (e.g. `openssl rand -base64 48`)",
    ]);
    expect(problemsOf({ ...MINIMAL_ENV, OPS_API_TOKEN: "short" })).toEqual([
      "OPS_API_TOKEN must be at least 32 characters",
    ]);
  });

  it("refuses a password-hash cost below the OWASP minimum in production only", () => {
    const cheap = { PASSWORD_HASH_MEMORY_KIB: "256", PASSWORD_HASH_ITERATIONS: "1" };

    expect(parseConfig({ ...MINIMAL_ENV, ...cheap }).auth.passwordHash).toEqual({
      memoryKib: 256,
      iterations: 1,
    });
    expect(problemsOf({ ...PRODUCTION_ENV, ...cheap })).toEqual([
      "PASSWORD_HASH_MEMORY_KIB is below the OWASP minimum for argon2id (m = 19456 KiB, t = 2), which production requires",
    ]);
    expect(problemsOf({ ...PRODUCTION_ENV, PASSWORD_HASH_ITERATIONS: "1" })).toEqual([
      "PASSWORD_HASH_ITERATIONS is below the OWASP minimum for argon2id (m = 19456 KiB, t = 2), which production requires",
    ]);
  });

  it("keeps embedded mode's database where PGLITE_DIR says, from PGLITE_TEMPLATE when new", () => {
    expect(
      parseConfig({ ...MINIMAL_ENV, PGLITE_DIR: "memory://", PGLITE_TEMPLATE: "/tmp/t.tar" })
        .database,
    ).toEqual({ url: null, pgliteDir: "memory://", pgliteTemplate: "/tmp/t.tar" });
  });

  it("accepts the same placeholder outside production", () => {
    expect(
      parseConfig({ ...MINIMAL_ENV, JWT_ACCESS_SECRET: "change-me-change-me-change-me-change-me" })
        .auth.jwtAccessSecret,
    ).toBe("change-me-change-me-change-me-change-me");
  });

  it("gives the invoice issuer development defaults outside production", () => {
    expect(parseConfig(MINIMAL_ENV).invoiceIssuer).toEqual({
      name: "Aozora Net株式会社",
      registrationNumber: "T1234567890123",
      address: "〒100-0005 東京都千代田区丸の内1-1-1",
      phone: "03-1234-5678",
    });
  });

  it("reads the reading custom field ids: the sandbox's by default, required in production", () => {
    expect(parseConfig(MINIMAL_ENV).whmcs.customFields).toEqual({
      lastNameKana: 1,
      firstNameKana: 2,
    });
    expect(parseConfig(PRODUCTION_ENV).whmcs.customFields).toEqual({
      lastNameKana: 14,
      firstNameKana: 15,
    });
    const {
      WHMCS_CUSTOM_FIELD_LAST_NAME_KANA: _last,
      WHMCS_CUSTOM_FIELD_FIRST_NAME_KANA: _first,
      ...withoutFields
    } = PRODUCTION_ENV;
    expect(problemsOf(withoutFields)).toEqual([
      "WHMCS_CUSTOM_FIELD_LAST_NAME_KANA is required in production (the id of the WHMCS client custom field that holds the katakana reading)",
      "WHMCS_CUSTOM_FIELD_FIRST_NAME_KANA is required in production (the id of the WHMCS client custom field that holds the katakana reading)",
    ]);
  });

  it("requires the invoice issuer in production and checks the registration number", () => {
    const {
      INVOICE_ISSUER_NAME: _name,
      INVOICE_ISSUER_REGISTRATION_NUMBER: _number,
      ...withoutIssuer
    } = PRODUCTION_ENV;
    expect(problemsOf(withoutIssuer)).toEqual([
      "INVOICE_ISSUER_NAME is required in production (it is printed on every invoice PDF)",
      "INVOICE_ISSUER_REGISTRATION_NUMBER is required in production (it is printed on every invoice PDF)",
    ]);
    expect(parseConfig(PRODUCTION_ENV).invoiceIssuer).toEqual({
      name: "Aozora Net株式会社",
      registrationNumber: "T9876543210987",
      address: null,
      phone: null,
    });
    expect(
      problemsOf({ ...MINIMAL_ENV, INVOICE_ISSUER_REGISTRATION_NUMBER: "1234567890123" }),
    ).toEqual([
      "INVOICE_ISSUER_REGISTRATION_NUMBER must be T followed by 13 digits, such as T1234567890123",
    ]);
  });

  it("keeps the Pub/Sub subscriber off unless enabled, with Salesforce's endpoint and the default topics", () => {
    expect(parseConfig(MINIMAL_ENV).sfEvents).toEqual({
      enabled: false,
      endpoint: "api.pubsub.salesforce.com:7443",
      caCertificatePath: null,
      topics: [
        "/event/Order_Fulfilment_Requested__e",
        "/data/OrderChangeEvent",
        "/data/Product2ChangeEvent",
        "/data/PricebookEntryChangeEvent",
      ],
      batchSize: 100,
      leaseSeconds: 20,
    });
    expect(
      parseConfig({
        ...MINIMAL_ENV,
        SF_PUBSUB_ENABLED: "true",
        SF_PUBSUB_ENDPOINT: "127.0.0.1:4043",
        SF_PUBSUB_CA_PATH: ".data/sandbox/pubsub-tls.crt",
        SF_PUBSUB_TOPICS: " /data/OrderChangeEvent , /data/OrderChangeEvent,/event/My_Event__e",
        SF_PUBSUB_BATCH_SIZE: "10",
        SF_PUBSUB_LEASE_SECONDS: "5",
      }).sfEvents,
    ).toEqual({
      enabled: true,
      endpoint: "127.0.0.1:4043",
      caCertificatePath: path.resolve(".data/sandbox/pubsub-tls.crt"),
      topics: ["/data/OrderChangeEvent", "/event/My_Event__e"],
      batchSize: 10,
      leaseSeconds: 5,
    });
  });

  it("names malformed Pub/Sub settings", () => {
    expect(
      problemsOf({
        ...MINIMAL_ENV,
        SF_PUBSUB_ENDPOINT: "https://api.pubsub.salesforce.com",
        SF_PUBSUB_TOPICS: "OrderChangeEvent",
        SF_PUBSUB_BATCH_SIZE: "101",
        SF_PUBSUB_LEASE_SECONDS: "30",
      }),
    ).toEqual([
      "SF_PUBSUB_ENDPOINT must be host:port, such as api.pubsub.salesforce.com:7443",
      "SF_PUBSUB_TOPICS must be topic names separated by commas, such as /data/OrderChangeEvent,/event/Order_Fulfilment_Requested__e",
      "SF_PUBSUB_BATCH_SIZE must be at most 100",
      "SF_PUBSUB_LEASE_SECONDS must be at most 24",
    ]);
  });

  it("fulfils 8 Orders at once per process on PostgreSQL, 1 embedded, unless told (1 to 8)", () => {
    expect(parseConfig(MINIMAL_ENV)).toMatchObject({ fulfilment: { concurrency: 1 } });
    expect(
      parseConfig({ ...MINIMAL_ENV, DATABASE_URL: "postgres://portal@db.example/portal" }),
    ).toMatchObject({ fulfilment: { concurrency: 8 } });
    expect(parseConfig({ ...MINIMAL_ENV, FULFILMENT_CONCURRENCY: "4" })).toMatchObject({
      fulfilment: { concurrency: 4 },
    });
    expect(problemsOf({ ...MINIMAL_ENV, FULFILMENT_CONCURRENCY: "9" })).toEqual([
      expect.stringMatching(/^FULFILMENT_CONCURRENCY must be at most 8/),
    ]);
    expect(problemsOf({ ...MINIMAL_ENV, FULFILMENT_CONCURRENCY: "0" })).toEqual([
      expect.stringMatching(/^FULFILMENT_CONCURRENCY must be at least 1/),
    ]);
    expect(problemsOf({ ...MINIMAL_ENV, FULFILMENT_CONCURRENCY: "many" })).toEqual([
      expect.stringMatching(/^FULFILMENT_CONCURRENCY must be a whole number/),
    ]);
  });

  it("leases a fulfilment run for 2 minutes, retries it after 15 s and runs queue maintenance every 30 s unless told", () => {
    expect(parseConfig(MINIMAL_ENV)).toMatchObject({
      fulfilment: { leaseSeconds: 120, retryDelaySeconds: 15 },
      queue: { maintenanceIntervalSeconds: 30 },
    });
    expect(
      parseConfig({
        ...MINIMAL_ENV,
        FULFILMENT_LEASE_SECONDS: "10",
        FULFILMENT_RETRY_DELAY_SECONDS: "1",
        QUEUE_MAINTENANCE_INTERVAL_SECONDS: "2",
      }),
    ).toMatchObject({
      fulfilment: { leaseSeconds: 10, retryDelaySeconds: 1 },
      queue: { maintenanceIntervalSeconds: 2 },
    });
    expect(
      problemsOf({
        ...MINIMAL_ENV,
        FULFILMENT_LEASE_SECONDS: "1",
        FULFILMENT_RETRY_DELAY_SECONDS: "0",
        QUEUE_MAINTENANCE_INTERVAL_SECONDS: "0",
      }),
    ).toEqual([
      expect.stringMatching(/^FULFILMENT_LEASE_SECONDS must be at least 5/),
      expect.stringMatching(/^FULFILMENT_RETRY_DELAY_SECONDS must be at least 1/),
      expect.stringMatching(/^QUEUE_MAINTENANCE_INTERVAL_SECONDS must be at least 1/),
    ]);
  });

  it("sends mail to the sandbox's SMTP stand-in outside production", () => {
    expect(parseConfig(MINIMAL_ENV).mail).toEqual({
      smtpUrl: "smtp://127.0.0.1:4025",
      from: "Aozora Net <no-reply@portal.localhost>",
      retryDelaySeconds: 30,
    });
  });

  it("requires SMTP_URL and MAIL_FROM in production and checks the URL's scheme", () => {
    const { SMTP_URL: _url, MAIL_FROM: _from, ...withoutMail } = PRODUCTION_ENV;
    expect(problemsOf(withoutMail)).toEqual([
      "SMTP_URL is required in production (sign-up and account e-mail are sent through it)",
      "MAIL_FROM is required in production (sign-up and account e-mail are sent through it)",
    ]);
    expect(parseConfig(PRODUCTION_ENV).mail).toMatchObject(PRODUCTION_MAIL_CONFIG);
    expect(problemsOf({ ...MINIMAL_ENV, SMTP_URL: "https://smtp.example.jp" })).toEqual([
      "SMTP_URL must be an smtp:// or smtps:// URL",
    ]);
  });
});
