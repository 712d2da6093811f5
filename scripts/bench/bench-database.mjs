// The private PostgreSQL database a benchmark's BFF runs on in `--mode=servers` (bench:api,
// bench:fulfillment): made afresh before the run, dropped after it.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** @type {typeof import("pg")} */
const pg = require("pg");

/**
 * Creates (or recreates) database `name` on the server `adminUrl` points at.
 * @param {string} adminUrl  a URL of that server with rights to create databases
 * @param {string} name  a plain identifier (no quoting is done)
 * @returns {Promise<string>} the URL of the new database
 */
export async function createBenchDatabase(adminUrl, name) {
  await dropBenchDatabase(adminUrl, name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Drops database `name` on the server `adminUrl` points at, ending its connections.
 * @param {string} adminUrl @param {string} name
 */
export async function dropBenchDatabase(adminUrl, name) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
