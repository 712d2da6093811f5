import { type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";

/**
 * The Drizzle database the repositories use, whichever driver is underneath (PGlite in embedded
 * mode, node-postgres with DATABASE_URL). Only the query builder is used, so both behave alike;
 * it carries no table definitions (each feature module keeps its own beside its repositories).
 */
export type Database = PgDatabase<PgQueryResultHKT>;

/** Injection token of the {@link DatabaseConnection}. */
export const DATABASE_CONNECTION = Symbol("DATABASE_CONNECTION");

/**
 * Raw SQL for a library that brings its own statements (pg-boss's `db` option): `values` bind
 * `$1…$n` of a single statement; without values, `text` may be a script of several statements
 * (`BEGIN; …; COMMIT`). A failed script's open transaction is rolled back before the error is
 * rethrown, so the connection is clean for the next caller. Source: reference vendor-facts §6.3.
 * @throws the driver's error.
 */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/** An open database: the Drizzle handle, raw SQL, which engine it is, and how to close it. */
export interface DatabaseConnection {
  readonly db: Database;
  readonly executeSql: ExecuteSql;
  readonly engine: "pglite" | "postgres";
  close(): Promise<void>;
}
