import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";

const execFileAsync = promisify(execFile);

/**
 * PGlite's start parameters with a smaller buffer pool: `shared_buffers` 16 MB instead of the
 * 128 MB initdb writes into postgresql.conf. The portal's tables are small (a few thousand rows),
 * and PGlite runs in the BFF's process, so every megabyte of PostgreSQL's buffers is the BFF's
 * resident memory (decision 0047: idle RSS ~110 MiB lower, no measurable query difference).
 */
export const PGLITE_OPTIONS: PGliteOptions = {
  startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
};

/**
 * Creates the PGlite data directory `dir` (initdb) in a child process when it does not exist yet,
 * so the BFF's process never holds initdb's WebAssembly instance: PGlite keeps it after
 * `create()`, about 450 MiB of resident memory for the life of the process (measured, PGlite
 * 0.5). A worker thread was used first, but the memory its allocations took stayed in the
 * process's malloc arenas after it exited (idle RSS 413 MiB against 291 MiB with one arena,
 * measured on a fresh data folder); a child process returns all of it when it exits. A directory
 * already initialised (or `memory://`) is left alone.
 * @throws Error when initdb fails in the child (with what it printed).
 */
export async function initialisePgliteDir(dir: string): Promise<void> {
  if (dir.startsWith("memory://") || existsSync(path.join(dir, "PG_VERSION"))) {
    return;
  }
  // A `-e` script is CommonJS: it loads PGlite's CommonJS build by absolute path.
  const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const code = `
    const { PGlite } = require(${JSON.stringify(pglite)});
    PGlite.create(${JSON.stringify(dir)}).then((db) => db.close());
  `;
  try {
    await execFileAsync(process.execPath, ["-e", code], { maxBuffer: 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`PGlite initdb failed${stderr ? `: ${stderr}` : ""}`, { cause: error });
  }
}
