import { type DatabaseConnection } from "../../src/modules/database/database.js";
import { openDatabase } from "../../src/modules/database/open-database.js";
import { inject } from "vitest";
import { acquireServerResources } from "./server-resources.js";

/** An open, migrated database private to one test, and how to close and drop it. */
export interface TestDatabase {
  connection: DatabaseConnection;
  close(): Promise<void>;
}

/**
 * Opens a fresh database the way the BFF does: a private PostgreSQL database when
 * `PORTAL_TEST_MODE=servers`, else an in-memory PGlite started from the run's migrated template
 * (global-setup.ts).
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (process.env.PORTAL_TEST_MODE !== "servers") {
    const connection = await openDatabase({
      url: null,
      pgliteDir: "memory://",
      pgliteTemplate: inject("pgliteTemplate"),
    });
    return { connection, close: () => connection.close() };
  }
  const servers = await acquireServerResources();
  const connection = await openDatabase({
    url: servers.env.DATABASE_URL ?? null,
    pgliteDir: "memory://",
  });
  return {
    connection,
    async close() {
      await connection.close();
      await servers.release();
    },
  };
}
