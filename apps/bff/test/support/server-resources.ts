import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";

/** Connection settings one test file gets in "servers" mode, and how to give them back. */
export interface ServerResources {
  env: Record<string, string>;
  release(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`PORTAL_TEST_MODE=servers needs ${name}`);
  }
  return value;
}

/**
 * Creates a private PostgreSQL database (from `TEST_DATABASE_URL`) and a private Redis key prefix
 * (on `TEST_REDIS_URL`) for one test file, so files can run in parallel against shared servers.
 * `release()` drops the database and deletes the prefixed keys.
 */
export async function acquireServerResources(): Promise<ServerResources> {
  const suffix = randomBytes(6).toString("hex");
  const adminUrl = required("TEST_DATABASE_URL");
  const redisUrl = required("TEST_REDIS_URL");
  const database = `portal_t_${suffix}`;
  const keyPrefix = `t${suffix}:`;

  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;

  return {
    env: { DATABASE_URL: databaseUrl.toString(), REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix },
    async release() {
      await withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
      );
      await deleteKeys(redisUrl, keyPrefix);
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      if (keys.length > 0) {
        await redis.del(...keys);
      }
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
