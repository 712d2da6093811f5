import { randomUUID } from "node:crypto";
import { Logger } from "@nestjs/common";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseConnection } from "./database.js";
import { openDatabase } from "./open-database.js";

const serverUrl = process.env.TEST_DATABASE_URL;

/** Runs only against a real PostgreSQL (the "bff (postgres+redis)" project). */
describe.runIf(serverUrl)("openDatabase on PostgreSQL", () => {
  const name = `portal_t_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  let admin: pg.Client;
  let database: DatabaseConnection;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl ?? "");
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString(), pgliteDir: "memory://" });
  });

  afterAll(async () => {
    await database?.close();
    await admin?.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end();
  });

  it("survives the server ending its idle connections, and the next query works", async () => {
    await database.db.execute(sql`SELECT 1`);

    const { rows } = await admin.query(
      "SELECT count(*)::int AS ended FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1) AS t",
      [name],
    );
    expect(rows[0].ended).toBeGreaterThan(0);
    // Give the pool time to hear the FATAL message on its idle client.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const result = await database.db.execute(sql`SELECT 41 + 1 AS answer`);
    expect(JSON.stringify(result)).toContain("42");
  });
});
