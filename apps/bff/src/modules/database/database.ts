import { type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index.js";

/**
 * The Drizzle database the repositories use, whichever driver is underneath (PGlite in embedded
 * mode, node-postgres with DATABASE_URL). Only the query builder is used, so both behave alike.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Injection token of the {@link DatabaseConnection}. */
export const DATABASE_CONNECTION = Symbol("DATABASE_CONNECTION");

/** An open database: the Drizzle handle, which engine it is, and how to close it. */
export interface DatabaseConnection {
  readonly db: Database;
  readonly engine: "pglite" | "postgres";
  close(): Promise<void>;
}
