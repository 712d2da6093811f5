import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Logger } from "@nestjs/common";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type DatabaseConnection, type ExecuteSql } from "./database.js";
import { initialisePgliteDir, PGLITE_OPTIONS } from "./pglite-options.js";

/** `apps/bff/drizzle/`: the SQL migrations drizzle-kit generated (same depth from src/ and dist/). */
const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../../drizzle", import.meta.url));

/** Any 64-bit number unique to this application: the advisory lock that serialises migrations. */
const MIGRATION_LOCK_ID = 7_340_120_011;

/** Where the database lives: a PostgreSQL URL, or else a PGlite directory (`memory://` for none). */
export interface DatabaseLocation {
  url: string | null;
  pgliteDir: string;
  /**
   * A PGlite data directory dump (`dumpDataDir`, .tar) a PGlite directory without a database
   * starts from, instead of running initdb (decision 0045); null or absent: initdb.
   */
  pgliteTemplate?: string | null;
}

/**
 * Opens the database and brings its schema up to date with the migrations in `apps/bff/drizzle/`,
 * using drizzle's migrator for the matching driver. On PostgreSQL the migration runs under an
 * advisory lock so replicas starting together apply each migration once.
 * @throws the driver's error when the database is unreachable or a migration fails.
 */
export async function openDatabase(location: DatabaseLocation): Promise<DatabaseConnection> {
  if (location.url) {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    // An idle client whose server connection ends (PostgreSQL restart, failover, an administrator
    // terminating it) reports it on the pool; unheard, that error would end the process. The pool
    // drops the client and opens a new one for the next query. Source: node-postgres docs, Pool
    // "events: error".
    pool.on("error", (error) => {
      new Logger("Database").warn({ err: error }, "A pooled PostgreSQL connection ended");
    });
    try {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
        await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client
          .query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID])
          .catch(() => undefined);
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return {
      db: drizzlePg(pool),
      executeSql: poolExecutor(pool),
      engine: "postgres",
      close: () => pool.end(),
    };
  }

  const inMemory = location.pgliteDir.startsWith("memory://");
  if (!inMemory) {
    await mkdir(location.pgliteDir, { recursive: true });
  }
  // PGlite refuses a template over an existing database; one that exists is simply opened.
  const template =
    location.pgliteTemplate &&
    (inMemory || !(await exists(path.join(location.pgliteDir, "PG_VERSION"))))
      ? location.pgliteTemplate
      : null;
  if (!template) {
    await initialisePgliteDir(location.pgliteDir);
  }
  const client = await PGlite.create({
    ...PGLITE_OPTIONS,
    dataDir: location.pgliteDir,
    loadDataDir: template ? new Blob([await readFile(template)]) : undefined,
  });
  try {
    const db = drizzlePglite(client);
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      executeSql: pgliteExecutor(client),
      engine: "pglite",
      close: () => client.close(),
    };
  } catch (error) {
    await client.close();
    throw error;
  }
}

/**
 * Writes to `file` the data directory of a fresh in-memory PGlite with every migration applied
 * (`dumpDataDir`, uncompressed tar): the `PGLITE_TEMPLATE` of hosts that start many embedded BFFs,
 * so each starts from it instead of running initdb and the migrations again (decision 0045).
 * @throws the driver's error when a migration fails.
 */
export async function writePgliteTemplate(file: string): Promise<void> {
  const client = await PGlite.create("memory://");
  try {
    await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    const dump = await client.dumpDataDir("none");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}

/**
 * Raw SQL on the pool: a statement with values through `pool.query`; a script on one client of its
 * own, rolled back when it fails (a failed `BEGIN; …` would otherwise leave the pooled connection
 * inside an aborted transaction).
 */
function poolExecutor(pool: pg.Pool): ExecuteSql {
  return async (text, values) => {
    if (values && values.length > 0) {
      return { rows: (await pool.query(text, values)).rows };
    }
    const client = await pool.connect();
    try {
      return { rows: (await client.query(text)).rows };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

/**
 * Raw SQL on PGlite's single connection: PGlite's `query()` uses the extended protocol, which takes
 * one statement with parameters; `exec()` takes scripts but no parameters (electric-sql/pglite#627).
 * A script's rows are those of its last statement, as pg-boss expects. Source: vendor-facts §6.3.
 */
function pgliteExecutor(client: PGlite): ExecuteSql {
  return async (text, values) => {
    if (values && values.length > 0) {
      return { rows: (await client.query(text, values)).rows };
    }
    try {
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    } catch (error) {
      // ROLLBACK outside a transaction is only a warning.
      await client.exec("ROLLBACK").catch(() => undefined);
      throw error;
    }
  };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
